namespace EcoMonitor.Application.Alarms;

/// <summary>The rule file read: the valid rules and channels and every problem found (the invalid entries are left out).</summary>
/// <param name="Rules">Valid rules.</param>
/// <param name="Channels">Valid channels.</param>
/// <param name="Errors">Operator-readable problems, one per line.</param>
public sealed record AlarmConfiguration(IReadOnlyList<AlarmRule> Rules, IReadOnlyList<NotificationChannel> Channels, IReadOnlyList<string> Errors);
