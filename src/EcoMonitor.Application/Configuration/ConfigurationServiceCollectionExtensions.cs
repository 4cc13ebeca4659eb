using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Application.Configuration;

/// <summary>Registration of the reload of cached configuration on changes made by other nodes.</summary>
public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConfigurationChangeWorker"/>. Needs the store's <see cref="IConfigurationChanges"/>,
    /// the station registry and the alarm runtime (<see cref="Alarms.AlarmServiceCollectionExtensions.AddAlarms"/>);
    /// register it after them so that their start-up loads come first.
    /// </summary>
    public static IServiceCollection AddConfigurationReload(this IServiceCollection services)
    {
        services.AddHostedService<ConfigurationChangeWorker>();
        return services;
    }
}
