using EcoMonitor.Application.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>Registration of the SQLite store.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SqliteStorageOptions"/> from <c>Storage:Sqlite</c> (validated on start), registers the one
    /// shared SQLite database and every store contract of the engine's table (<see cref="SqliteContracts"/>: one class
    /// per contract, all on that database; <c>IConfigurationChanges</c> reports nothing: one node; singletons,
    /// thread-safe) and a hosted service that migrates the schema when the host starts. Needs <c>IConfiguration</c>
    /// and logging in the container (every host has them).
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteDatabase>();
        services.AddStoreContracts(SqliteContracts.All);
        services.AddHostedService<StoreMigrationService>();
        return services;
    }
}
