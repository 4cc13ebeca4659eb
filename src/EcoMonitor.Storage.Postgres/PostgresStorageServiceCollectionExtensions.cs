using EcoMonitor.Application.Scheduling;
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
    /// connection string parses), registers the one shared PostgreSQL database and every store contract of the
    /// engine's table (<see cref="PostgresContracts"/>: one class per contract, all on that database; singletons,
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
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<PostgresPartitions>();
        services.AddStoreContracts(PostgresContracts.All);
        services.AddHostedService<StoreMigrationService>();
        services.AddSingleton<IScheduledJob, PartitionMaintenanceJob>();
        return services;
    }
}
