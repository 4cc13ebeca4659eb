using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoMonitor.Application.Access;

/// <summary>Registration of API clients (ADR 0036 §8).</summary>
public static class ApiClientServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ApiClientOptions"/> (<c>ApiClients</c>), validated on start, and registers
    /// <see cref="ApiClientService"/>. Needs an <see cref="IApiClientStore"/> and the audit trail.
    /// </summary>
    public static IServiceCollection AddApiClients(this IServiceCollection services)
    {
        services.AddOptions<ApiClientOptions>().BindConfiguration(ApiClientOptions.SectionName)
            .Validate(o => o.Problem() is null, "ApiClients settings are not usable (DefaultRequestsPerSecond 1–1000, DefaultBurst 1–10000, MaxLifetime > 0 and at most ten years)").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiClientService>();
        return services;
    }
}
