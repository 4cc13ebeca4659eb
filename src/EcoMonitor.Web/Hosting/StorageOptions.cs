namespace EcoMonitor.Web.Hosting;

/// <summary>Which storage engine the host uses (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The embedded default.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>The production store (section <c>Storage:Postgres</c>; several nodes may share one database).</summary>
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;
}
