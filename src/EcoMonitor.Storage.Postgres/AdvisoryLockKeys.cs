namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The PostgreSQL advisory locks EcoMonitor takes, in the two-key form <c>pg_advisory_lock(ClassId, key)</c> so that
/// they cannot collide with another application's one-key locks on the same database (docs/adr/0012).
/// </summary>
internal static class AdvisoryLockKeys
{
    /// <summary>"ECMN": the class of every EcoMonitor lock.</summary>
    public const int ClassId = 0x45434D4E;

    /// <summary>Held while migrating the schema, so that nodes starting together migrate once.</summary>
    public const int Migration = 1;

    /// <summary>Held while one node creates partitions ahead and applies retention.</summary>
    public const int PartitionMaintenance = 2;

    /// <summary>
    /// Held (for one transaction) while appending to the audit trail, so that entries from every node form one chain:
    /// the head is read and the next entries hashed and inserted under it.
    /// </summary>
    public const int AuditChain = 3;

    /// <summary>
    /// The key of a named piece of scheduled work (see <c>INodeCoordinator</c>): a stable FNV-1a hash of the name,
    /// kept clear of the fixed keys above.
    /// </summary>
    public static int ForWork(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash | 0x1000);
    }
}
