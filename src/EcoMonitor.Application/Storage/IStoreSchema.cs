namespace EcoMonitor.Application.Storage;

/// <summary>Creates or upgrades the store's schema. Idempotent; run once at start-up before any other store call.</summary>
public interface IStoreSchema
{
    /// <summary>Applies pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
