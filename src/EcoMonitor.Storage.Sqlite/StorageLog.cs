using Microsoft.Extensions.Logging;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>Source-generated log messages of the SQLite store.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = StorageEventIds.StoreOpened, Level = LogLevel.Information,
        Message = "Opened SQLite store {Path} (WAL, synchronous=FULL)")]
    public static partial void StoreOpened(ILogger logger, string path);

    [LoggerMessage(EventId = StorageEventIds.MigrationApplied, Level = LogLevel.Information,
        Message = "Applied schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);

    [LoggerMessage(EventId = StorageEventIds.SchemaUpToDate, Level = LogLevel.Debug,
        Message = "Schema is at version {Version}, nothing to migrate")]
    public static partial void SchemaUpToDate(ILogger logger, int version);

    [LoggerMessage(EventId = StorageEventIds.BatchCommitted, Level = LogLevel.Debug,
        Message = "Committed {Frames} frames, {Packets} packets, {Observations} observations in {ElapsedMs} ms")]
    public static partial void BatchCommitted(ILogger logger, int frames, int packets, int observations, double elapsedMs);

    [LoggerMessage(EventId = StorageEventIds.CommitFailed, Level = LogLevel.Error,
        Message = "Rolled back a write of {Frames} frames and {Observations} observations")]
    public static partial void CommitFailed(ILogger logger, Exception exception, int frames, int observations);
}
