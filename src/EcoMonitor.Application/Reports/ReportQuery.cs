namespace EcoMonitor.Application.Reports;

/// <summary>Which archived reports to list (<see cref="IReportArchive.ListAsync"/>); every filter is optional.</summary>
/// <param name="RegionPrefix">Only regions whose code starts with this (the caller's jurisdiction, <see cref="Access.AccessScope.RegionPrefix"/>).</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="Period">Only this period.</param>
/// <param name="Limit">At most this many, newest first (1..1000).</param>
public sealed record ReportQuery(string? RegionPrefix = null, ReportKind? Kind = null, string? Period = null, int Limit = 200);
