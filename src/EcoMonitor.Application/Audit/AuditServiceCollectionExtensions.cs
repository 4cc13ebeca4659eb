using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
}
