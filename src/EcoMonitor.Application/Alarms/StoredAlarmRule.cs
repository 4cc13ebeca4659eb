using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>A rule as stored: its id, its JSON document and when it was last written.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Json">The <see cref="Alarms.AlarmRuleDocument"/> as JSON.</param>
/// <param name="UpdatedAt">Last write.</param>
public sealed record StoredAlarmRule(string Id, string Json, Instant UpdatedAt);
