using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Storage.Postgres;

/// <summary>How the PostgreSQL store connects and manages its partitions. Bound from <c>Storage:Postgres</c>.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage:Postgres";

    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db1;Database=ecomonitor;Username=ecomon;Password=…;SSL Mode=VerifyFull</c>.
    /// Keep the password out of files: set it through the environment (<c>Storage__Postgres__ConnectionString</c>).
    /// </summary>
    [Required]
    [MinLength(1)]
    public string ConnectionString { get; set; } = "";

    /// <summary>How many months of observation partitions to keep created ahead of the current month.</summary>
    [Range(1, 36)]
    public int PartitionMonthsAhead { get; set; } = 3;

    /// <summary>
    /// Months of observations to keep (by period start, whole months in UTC); older monthly partitions are dropped by
    /// partition maintenance, together with their history and raw frames of the same age. 0 keeps everything (the
    /// default: observations are the legal record, deleting them is an operator's decision).
    /// </summary>
    [Range(0, 1200)]
    public int RetentionMonths { get; set; }

    /// <summary>The slot of partition maintenance and retention (scheduled job <c>storage.partitions</c>): once per slot across the nodes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seconds a statement may run before it is cancelled.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 60;
}
