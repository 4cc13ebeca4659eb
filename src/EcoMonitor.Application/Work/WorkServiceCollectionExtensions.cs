using EcoMonitor.Application.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Work;

/// <summary>Registration of what the durable background workers share.</summary>
public static class WorkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="WorkOptions"/> (section <c>Work</c>, validated on start) and registers <see cref="WorkCounters"/>, <see cref="StartupWork"/> (readiness) and the scheduled runs (the sweeps run once per slot across the nodes)
    /// once (every worker's registration calls it). The store (<see cref="IPendingWorkStore"/>) must be registered too.
    /// </summary>
    public static IServiceCollection AddDurableWork(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(WorkCounters)))
        {
            return services;
        }

        services.AddOptions<WorkOptions>().BindConfiguration(WorkOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkOptions>, WorkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkCounters>();
        services.AddSingleton<StartupWork>();
        services.AddScheduling();
        return services;
    }
}
