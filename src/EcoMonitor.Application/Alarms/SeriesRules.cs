namespace EcoMonitor.Application.Alarms;

/// <summary>The rules of one series at one station and each rule's resolved limit (same index; null: no limit).</summary>
/// <param name="Rules">The rules.</param>
/// <param name="Limits">Their limits.</param>
/// <param name="HistoryPeriods">
/// Periods of recent history the pre-filter of the series' flat-line and rate-of-rise rules looks at
/// (<see cref="AlarmMatcher.HistoryPeriods"/>; 0: none kept).
/// </param>
public readonly record struct SeriesRules(AlarmRule[] Rules, decimal?[] Limits, int HistoryPeriods = 0);
