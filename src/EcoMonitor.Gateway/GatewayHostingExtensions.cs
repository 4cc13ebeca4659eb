using EcoMonitor.Application.Registry;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>Registers the HJ 212 TCP gateway in a host: options, the connection handler on its Kestrel port, the sub-packet sweeper.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>Adds the gateway. Needs the ingest pipeline, the station registry and the parameter catalog registered.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<GatewayStats>();
        services.AddSingleton<SubPacketTracker>();
        services.AddSingleton<StationPasswordVerifier>();
        services.AddSingleton<FrameProcessor>();
        services.AddSingleton<Hj212ConnectionHandler>();
        services.AddHostedService<SubPacketSweeper>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
        {
            if (gateway.Value.Enabled)
            {
                kestrel.ListenAnyIP(gateway.Value.Port, listen => listen.UseConnectionHandler<Hj212ConnectionHandler>());
            }
        });
        return builder;
    }
}
