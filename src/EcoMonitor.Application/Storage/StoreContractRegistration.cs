using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoMonitor.Application.Storage;

/// <summary>Registration of an engine's store classes from its table of <see cref="StoreContract"/> rows (docs/adr/0033).</summary>
public static class StoreContractRegistration
{
    /// <summary>
    /// Registers each row's class once as a singleton of its own type, and each row's contract as that same instance:
    /// a class that serves several contracts is one object behind all of them, and engine code (jobs, tests) may ask
    /// for the class itself. The container disposes the classes it created.
    /// </summary>
    public static IServiceCollection AddStoreContracts(this IServiceCollection services, IEnumerable<StoreContract> contracts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(contracts);
        foreach (StoreContract row in contracts)
        {
            services.TryAddSingleton(row.Implementation);
            Type implementation = row.Implementation;
            services.AddSingleton(row.Contract, sp => sp.GetRequiredService(implementation));
        }

        return services;
    }
}
