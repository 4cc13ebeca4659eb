namespace EcoMonitor.Storage.Tests;

/// <summary>Names of the store engines the contract suite runs against.</summary>
public static class StoreProviders
{
    /// <summary>The embedded SQLite store (always available).</summary>
    public const string Sqlite = "Sqlite";
}
