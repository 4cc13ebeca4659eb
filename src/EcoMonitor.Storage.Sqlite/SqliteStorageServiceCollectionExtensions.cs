using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>Registration of the SQLite store.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SqliteStorageOptions"/> from <c>Storage:Sqlite</c> (validated on start), registers one shared
    /// SQLite store as every store interface (<see cref="IStoreSchema"/>, <see cref="IStoreHealth"/>, <see cref="IStationStore"/>,
    /// <see cref="IObservationStore"/>, <see cref="IRawFrameArchive"/>, <see cref="IIngestStore"/>, <see cref="IEvaluationStore"/>, <see cref="IClusterLock"/>, <see cref="IStoreExport"/>, <see cref="IStoreImport"/>, <see cref="IAuditLog"/>, <see cref="IQualityStore"/>, <see cref="IReviewStore"/>, <see cref="IAlarmStore"/>, <see cref="IAlarmRuleStore"/>, <see cref="IPermitLimitStore"/>, <see cref="IConsoleSessionStore"/>, <see cref="IDataProtectionKeyStore"/>, <see cref="IPendingWorkStore"/>, <see cref="IConfigurationChanges"/>, <see cref="IScheduledRunStore"/> (reports nothing: one node); singletons, thread-safe)
    /// and a hosted service that migrates the schema when the host starts. Needs <c>IConfiguration</c> and logging
    /// in the container (every host has them).
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteStore>();
        services.AddSingleton<IStoreSchema>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStationStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IObservationStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IRawFrameArchive>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IIngestStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IEvaluationStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IClusterLock>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStoreExport>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStoreImport>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IQualityStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<ISuspicionStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAlarmStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAlarmRuleStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IPermitLimitStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IConsoleSessionStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IDataProtectionKeyStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IPendingWorkStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IConfigurationChanges>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IScheduledRunStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddHostedService<StoreMigrationService>();
        return services;
    }
}
