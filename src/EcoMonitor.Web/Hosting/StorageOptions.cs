namespace EcoMonitor.Web.Hosting;

/// <summary>Which storage engine the host uses (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The embedded default.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary><c>Sqlite</c> (embedded default). PostgreSQL arrives with the production-store work.</summary>
    public string Provider { get; set; } = Sqlite;
}
