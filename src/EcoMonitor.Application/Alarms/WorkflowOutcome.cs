namespace EcoMonitor.Application.Alarms;

/// <summary>The result of a workflow action: the alarm after it and its timeline step, or why it was refused.</summary>
/// <param name="Alarm">The alarm after the action (unchanged when refused).</param>
/// <param name="Step">The step to record, or null when refused.</param>
/// <param name="Refusal">Why the action was refused (an operator-readable sentence), or null.</param>
/// <param name="IsInvalidInput">True when refused for missing/invalid input (400) rather than the state (409).</param>
public sealed record WorkflowOutcome(Alarm Alarm, AlarmStep? Step, string? Refusal, bool IsInvalidInput = false)
{
    /// <summary>True when the action was applied.</summary>
    public bool IsApplied => Refusal is null;
}
