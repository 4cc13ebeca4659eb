using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Scheduling;

/// <summary>Registration of the scheduled work shared by the nodes.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScheduledRuns"/> (options section <c>Schedule</c>), the host that runs every registered
    /// <see cref="IScheduledJob"/> and the run table's daily clean-up. Needs the store's <see cref="IScheduledRunStore"/>
    /// and <see cref="Storage.IStoreHealth"/>. Safe to call more than once (each feature that schedules work calls it).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ScheduledRuns)))
        {
            return services;
        }

        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScheduledRuns>();
        services.AddSingleton<IScheduledJob, ScheduledRunCleanup>();
        services.AddHostedService<ScheduledJobHost>();
        return services;
    }
}
