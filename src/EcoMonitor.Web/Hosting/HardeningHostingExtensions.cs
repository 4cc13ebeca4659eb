using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// What every request passes first: forwarded headers from a known balancer (<see cref="ForwardedHeadersSettings"/>),
/// the security headers (<see cref="SecurityHeaders"/>) and HSTS on HTTPS (section <c>Hsts</c>, ASP.NET Core's
/// <see cref="HstsOptions"/>: <c>MaxAge</c> default one year, <c>IncludeSubDomains</c>, <c>Preload</c> off).
/// docs/deploy.md "Hardening".
/// </summary>
internal static class HardeningHostingExtensions
{
    public static IHostApplicationBuilder AddHardening(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedProxyValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            ForwardedHeadersSettings s = settings.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = s.ForwardLimit;
            // Only the configured proxies: not the framework's default of loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (string proxy in s.Proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (string network in s.Networks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHostedService<HardeningStartupWarnings>();
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<HstsOptions>().BindConfiguration("Hsts");
        return builder;
    }

    /// <summary>Forwarded headers (when enabled), security headers and HSTS; call first in the pipeline.</summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseHsts();
        return app;
    }
}
