namespace EcoMonitor.Application.Work;

/// <summary>Set-aside work put back by a retry: what was set aside, and the day's pending row for its consumer (null when nothing is pending any more).</summary>
/// <param name="Item">The set-aside record, as it was before the retry removed it.</param>
/// <param name="Pending">The station-day's pending row, to be worked on again.</param>
public sealed record RetriedWork(SetAsideWork Item, PendingDay? Pending);
