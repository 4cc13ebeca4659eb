using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Postgres;

/// <summary>Registration of the PostgreSQL store.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PostgresStorageOptions"/> from <c>Storage:Postgres</c> (validated on start, including that the
    /// connection string parses), registers one shared PostgreSQL store as every store interface
    /// (<see cref="IStoreSchema"/>, <see cref="IStoreHealth"/>, <see cref="IStationStore"/>, <see cref="IObservationStore"/>,
    /// <see cref="IRawFrameArchive"/>, <see cref="IIngestStore"/>, <see cref="IEvaluationStore"/>, <see cref="IClusterLock"/>, <see cref="IStoreImport"/>, <see cref="IStoreExport"/>, <see cref="IAuditLog"/>,
    /// <see cref="IQualityStore"/>, <see cref="IReviewStore"/>, <see cref="IAlarmStore"/>, <see cref="IAlarmRuleStore"/>,
    /// <see cref="IPermitLimitStore"/>, <see cref="IConsoleSessionStore"/>, <see cref="IDataProtectionKeyStore"/>, <see cref="IPendingWorkStore"/>, <see cref="IConfigurationChanges"/>, <see cref="IScheduledRunStore"/>; singletons,
    /// thread-safe), a hosted service that migrates the schema when the host starts, and partition maintenance as the
    /// scheduled job <c>storage.partitions</c> (once per interval across the nodes; runs where the host adds
    /// <see cref="SchedulingServiceCollectionExtensions.AddScheduling"/>). Needs <c>IConfiguration</c> and logging in the container.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddOptions<PostgresStorageOptions>().BindConfiguration(PostgresStorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresConnectionStringValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PostgresStore>();
        services.AddSingleton<IStoreSchema>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IStationStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IObservationStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IRawFrameArchive>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IIngestStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IEvaluationStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IClusterLock>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IStoreImport>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IStoreExport>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IQualityStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<ISuspicionStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAlarmStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAlarmRuleStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IPermitLimitStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IConsoleSessionStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IDataProtectionKeyStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IPendingWorkStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IConfigurationChanges>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IScheduledRunStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddHostedService<StoreMigrationService>();
        services.AddSingleton<IScheduledJob, PartitionMaintenanceJob>();
        return services;
    }
}
