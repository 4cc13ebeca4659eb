using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Security;

/// <summary>Registration of the security event log.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SecurityEventOptions"/> (section <c>SecurityEvents</c>, validated on start) and registers
    /// <see cref="SecurityEventLog"/> as the <see cref="ISecurityEventSink"/> and as a hosted service. Needs the audit
    /// trail and an <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (the web host has one); <see cref="ISecurityBurstListener"/>s
    /// are optional extras (the alarm runtime adds one). Also runs <see cref="StoredFramePasswordMasking"/>, which masks
    /// the passwords of frames an older version archived in clear (needs the store's <see cref="Storage.IRawFrameArchive"/>).
    /// </summary>
    public static IServiceCollection AddSecurityEvents(this IServiceCollection services)
    {
        services.AddOptions<SecurityEventOptions>().BindConfiguration(SecurityEventOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityEventOptions>, SecurityEventOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SecurityEventLog>();
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<SecurityEventLog>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SecurityEventLog>());
        services.AddHostedService<StoredFramePasswordMasking>();
        return services;
    }
}
