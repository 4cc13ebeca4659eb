using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Source-generated log messages of the Application project.</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.IngestBatchCommitted, Level = LogLevel.Debug,
        Message = "Ingest batch committed: {Frames} frames ({Duplicates} duplicates), {Inserted} inserted, {Unchanged} unchanged, {Revised} revised")]
    public static partial void IngestBatchCommitted(ILogger logger, int frames, int duplicates, int inserted, int unchanged, int revised);

    [LoggerMessage(EventId = ApplicationEventIds.IngestBatchFailed, Level = LogLevel.Error,
        Message = "Ingest batch of {Frames} frames and {Observations} observations was not stored; its senders are not acknowledged")]
    public static partial void IngestBatchFailed(ILogger logger, Exception exception, int frames, int observations);

    [LoggerMessage(EventId = ApplicationEventIds.IngestWriterDraining, Level = LogLevel.Information,
        Message = "Ingest writer stopping: accepting no more items, storing the {Pending} already accepted")]
    public static partial void IngestWriterDraining(ILogger logger, int pending);

    [LoggerMessage(EventId = ApplicationEventIds.IngestWriterStopped, Level = LogLevel.Information,
        Message = "Ingest writer stopped")]
    public static partial void IngestWriterStopped(ILogger logger);

    [LoggerMessage(EventId = ApplicationEventIds.EvaluationRecomputed, Level = LogLevel.Debug,
        Message = "Recomputed evaluations of {StationDays} station-days and {CityDays} city-days; {Pending} station-days pending")]
    public static partial void EvaluationRecomputed(ILogger logger, int stationDays, int cityDays, int pending);

    [LoggerMessage(EventId = ApplicationEventIds.QualityChecked, Level = LogLevel.Debug,
        Message = "Quality checks ran on {Windows} station-days: {Findings} findings; {Pending} station-days pending")]
    public static partial void QualityChecked(ILogger logger, int windows, int findings, int pending);
}
