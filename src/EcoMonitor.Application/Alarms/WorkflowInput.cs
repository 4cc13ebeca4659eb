using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>What a workflow action carries; which members are required depends on the action.</summary>
public sealed record WorkflowInput
{
    /// <summary>Dispatch: the responsible unit.</summary>
    public string? Unit { get; init; }

    /// <summary>Dispatch, reject: the feedback deadline (must be in the future).</summary>
    public Instant? Deadline { get; init; }

    /// <summary>Feedback: the cause found.</summary>
    public string? Cause { get; init; }

    /// <summary>Feedback: the measures taken.</summary>
    public string? Measures { get; init; }

    /// <summary>Feedback: attachment references (file names or URLs of the evidence the unit provides).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>Any action: a comment (required for reject and dismiss).</summary>
    public string? Comment { get; init; }
}
