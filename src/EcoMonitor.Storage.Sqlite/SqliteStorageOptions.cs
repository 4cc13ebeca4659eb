using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>Where and how the embedded SQLite store keeps its file. Bound from <c>Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage:Sqlite";

    /// <summary>
    /// The database file, absolute or relative to the current directory (the host's content root). Its directory is
    /// created when missing. WAL mode adds <c>-wal</c> and <c>-shm</c> files next to it.
    /// </summary>
    [Required]
    public string Path { get; set; } = "data/ecomonitor.db";

    /// <summary>
    /// How long a statement waits for a lock held by another process (or another connection of this one) before it
    /// fails, in whole seconds (SQLite busy timeout and the driver's command timeout).
    /// </summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
