using Microsoft.Extensions.Logging;

namespace EcoMonitor.Storage.Postgres;

/// <summary>Source-generated log messages of the PostgreSQL store.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = PostgresEventIds.StoreOpened, Level = LogLevel.Information,
        Message = "Using PostgreSQL store {Host}:{Port}/{Database}")]
    public static partial void StoreOpened(ILogger logger, string? host, int port, string? database);

    [LoggerMessage(EventId = PostgresEventIds.MigrationApplied, Level = LogLevel.Information,
        Message = "Applied schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);

    [LoggerMessage(EventId = PostgresEventIds.SchemaUpToDate, Level = LogLevel.Debug,
        Message = "Schema is at version {Version}, nothing to migrate")]
    public static partial void SchemaUpToDate(ILogger logger, int version);

    [LoggerMessage(EventId = PostgresEventIds.BatchCommitted, Level = LogLevel.Debug,
        Message = "Committed {Frames} frames, {Packets} packets, {Observations} observations in {ElapsedMs} ms")]
    public static partial void BatchCommitted(ILogger logger, int frames, int packets, int observations, double elapsedMs);

    [LoggerMessage(EventId = PostgresEventIds.CommitFailed, Level = LogLevel.Error,
        Message = "Rolled back a write of {Frames} frames and {Observations} observations")]
    public static partial void CommitFailed(ILogger logger, Exception exception, int frames, int observations);

    [LoggerMessage(EventId = PostgresEventIds.CommitFailedStoreAway, Level = LogLevel.Warning,
        Message = "Rolled back a write of {Frames} frames and {Observations} observations: the database could not be reached ({Error})")]
    public static partial void CommitFailedStoreAway(ILogger logger, int frames, int observations, string error);

    [LoggerMessage(EventId = PostgresEventIds.CommitRetried, Level = LogLevel.Warning,
        Message = "A write conflicted with another transaction ({SqlState}); retrying (attempt {Attempt})")]
    public static partial void CommitRetried(ILogger logger, string sqlState, int attempt);

    [LoggerMessage(EventId = PostgresEventIds.PartitionCreated, Level = LogLevel.Information,
        Message = "Created observation partition {Partition}")]
    public static partial void PartitionCreated(ILogger logger, string partition);

    [LoggerMessage(EventId = PostgresEventIds.PartitionDropped, Level = LogLevel.Warning,
        Message = "Retention: dropped observation partition {Partition} and older history and raw frames")]
    public static partial void PartitionDropped(ILogger logger, string partition);

    [LoggerMessage(EventId = PostgresEventIds.MaintenanceSkipped, Level = LogLevel.Debug,
        Message = "Partition maintenance is running on another node; skipped here")]
    public static partial void MaintenanceSkipped(ILogger logger);

    [LoggerMessage(EventId = PostgresEventIds.ConfigurationListening, Level = LogLevel.Debug,
        Message = "Listening for configuration changes on {Channels}; reloading everything cached (catch-up)")]
    public static partial void ConfigurationListening(ILogger logger, string channels);

    [LoggerMessage(EventId = PostgresEventIds.ConfigurationListenerFailed, Level = LogLevel.Warning,
        Message = "Listening for configuration changes failed; listening again with a full reload in {RetryDelay}")]
    public static partial void ConfigurationListenerFailed(ILogger logger, Exception exception, TimeSpan retryDelay);
}
