namespace EcoMonitor.Reports;

/// <summary>Log event ids of report generation: the 7000s.</summary>
internal static class ReportsEventIds
{
    public const int Generated = 7000;
    public const int Failed = 7001;
    public const int NoData = 7002;
    public const int Regenerated = 7003;
}
