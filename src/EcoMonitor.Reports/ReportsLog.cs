using Microsoft.Extensions.Logging;

namespace EcoMonitor.Reports;

/// <summary>Source-generated log messages of report generation.</summary>
internal static partial class ReportsLog
{
    [LoggerMessage(EventId = ReportsEventIds.Generated, Level = LogLevel.Information,
        Message = "Scheduled report {Kind} of {Region} for {Period}: {New} new version(s)")]
    public static partial void Generated(ILogger logger, Application.Reports.ReportKind kind, string region, string period, int @new);

    [LoggerMessage(EventId = ReportsEventIds.NoData, Level = LogLevel.Debug,
        Message = "Scheduled report {Kind} of {Region} for {Period}: no data yet, nothing archived")]
    public static partial void NoData(ILogger logger, Application.Reports.ReportKind kind, string region, string period);

    [LoggerMessage(EventId = ReportsEventIds.Failed, Level = LogLevel.Error,
        Message = "Scheduled report {Kind} of {Region} for {Period} failed")]
    public static partial void Failed(ILogger logger, Exception exception, Application.Reports.ReportKind kind, string region, string period);

    [LoggerMessage(EventId = ReportsEventIds.Regenerated, Level = LogLevel.Information,
        Message = "Report {Kind} of {Region} for {Period} regenerated after revised data: version {Version}")]
    public static partial void Regenerated(ILogger logger, Application.Reports.ReportKind kind, string region, string period, int version);
}
