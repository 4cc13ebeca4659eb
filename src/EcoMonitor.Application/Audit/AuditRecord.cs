namespace EcoMonitor.Application.Audit;

/// <summary>
/// One change to record in the audit trail: who did what to which subject, the subject's state before and after
/// (JSON, null when it did not exist / no longer exists) and why. The store adds the sequence number, the time and
/// the hash chain (<see cref="AuditEntry"/>).
/// </summary>
public sealed record AuditRecord
{
    /// <summary>Creates a record; actor, action, subject type and subject id must not be empty.</summary>
    public AuditRecord(string actor, string action, string subjectType, string subjectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        Actor = actor;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
    }

    /// <summary>Who: an authenticated user name (e.g. <c>bootstrap-admin</c>) or <c>system:&lt;component&gt;</c>.</summary>
    public string Actor { get; }

    /// <summary>What, as a stable dotted code, e.g. <c>station.registered</c>, <c>review.marked</c>, <c>alarm.dispatched</c>.</summary>
    public string Action { get; }

    /// <summary>Kind of subject, e.g. <c>station</c>, <c>observation</c>, <c>alarm</c>, <c>config</c>.</summary>
    public string SubjectType { get; }

    /// <summary>The subject's identity within its type, e.g. an MN or an observation key.</summary>
    public string SubjectId { get; }

    /// <summary>The subject before the change as JSON; null when it did not exist.</summary>
    public string? Before { get; init; }

    /// <summary>The subject after the change as JSON; null when it was removed or the action changes no state.</summary>
    public string? After { get; init; }

    /// <summary>The reason given (reason code and/or comment); null when none.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Where the actor acted from: the client's network address of an HTTP request or an HJ 212 connection (after the
    /// configured forwarded headers); null for the platform's own components and for entries written before addresses
    /// were recorded. Defaults to the address of the current <see cref="Audit.AuditScope"/> (the web host opens one per
    /// request), so a record built anywhere while serving a request carries it.
    /// </summary>
    public string? Address { get; init; } = Audit.AuditScope.Address;
}
