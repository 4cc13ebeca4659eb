namespace EcoMonitor.Storage.Postgres;

/// <summary>Event ids of the PostgreSQL store (2100s; the SQLite store uses 2000s).</summary>
internal static class PostgresEventIds
{
    public const int StoreOpened = 2100;
    public const int MigrationApplied = 2101;
    public const int SchemaUpToDate = 2102;
    public const int BatchCommitted = 2110;
    public const int CommitFailed = 2111;
    public const int CommitRetried = 2112;
    public const int CommitFailedStoreAway = 2113;
    public const int PartitionCreated = 2120;
    public const int PartitionDropped = 2121;
    public const int MaintenanceSkipped = 2122;
    public const int ConfigurationListening = 2130;
    public const int ConfigurationListenerFailed = 2131;
}
