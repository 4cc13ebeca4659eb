namespace EcoMonitor.Storage.Sqlite;

/// <summary>Event ids of the storage projects (2000s).</summary>
internal static class StorageEventIds
{
    public const int StoreOpened = 2000;
    public const int MigrationApplied = 2001;
    public const int SchemaUpToDate = 2002;
    public const int BatchCommitted = 2010;
    public const int CommitFailed = 2011;
}
