namespace EcoMonitor.Storage.Tests;

/// <summary>Names of the store engines the contract suite runs against.</summary>
public static class StoreProviders
{
    /// <summary>The embedded SQLite store (always available).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>PostgreSQL: a private server started by the test run, or <c>ECOMON_TEST_PG</c> (see PostgresTestServer).</summary>
    public const string Postgres = "Postgres";
}
