using EcoMonitor.Application.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Audit;

/// <summary>Registration of the audit trail.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IAuditTrail"/> and <see cref="AuditChainVerifier"/> (singletons) over the store's <c>IAuditLog</c>.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.TryAddSingleton<IAuditTrail, AuditTrail>();
        services.TryAddSingleton<AuditChainVerifier>();
        return services;
    }

    /// <summary>
    /// Registers the retention (options section <c>Audit</c>, validated at start) and its daily <see cref="AuditRetentionJob"/>
    /// through <see cref="SchedulingServiceCollectionExtensions.AddScheduling"/>: the host that serves the platform calls it.
    /// </summary>
    public static IServiceCollection AddAuditRetention(this IServiceCollection services)
    {
        services.AddOptions<AuditRetentionOptions>().BindConfiguration(AuditRetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditRetentionOptions>, AuditRetentionOptionsValidator>());
        services.AddScheduling();
        services.AddSingleton<IScheduledJob, AuditRetentionJob>();
        return services;
    }
}
