namespace EcoMonitor.Application.Alarms;

/// <summary>The rules of one series at one station and each rule's resolved limit (same index; null: no limit).</summary>
/// <param name="Rules">The rules.</param>
/// <param name="Limits">Their limits.</param>
public readonly record struct SeriesRules(AlarmRule[] Rules, decimal?[] Limits);
