using EcoMonitor.Application.Registry;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>
/// Registers the HJ 212 TCP gateway in a host: options, the connection limits, the connection handler on its Kestrel
/// port behind <see cref="AdmittingListener"/> (its own transport,
/// <see cref="GatewayListenerFactory"/>) and <see cref="ConnectionAdmission"/>, the sweeper.
/// </summary>
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
        services.AddSingleton(sp => GatewayConnectionLimits.OfThisProcess(sp.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.AddSingleton(sp => new ConnectionLimiter(sp.GetRequiredService<GatewayConnectionLimits>()));
        services.AddSingleton<GatewayStats>();
        services.AddSingleton<ConnectionReports>();
        services.AddSingleton<SubPacketTracker>();
        services.AddSingleton<StationPasswordVerifier>();
        services.AddSingleton<StationPasswordGuard>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataTime.ToWindow());
        services.AddSingleton<RejectedFrameSampler>();
        services.AddSingleton<UnknownStationRefresh>();
        services.AddSingleton<FrameProcessor>();
        services.AddSingleton<Hj212ConnectionHandler>();
        services.AddSingleton<IConnectionListenerFactory, GatewayListenerFactory>();
        services.AddHostedService<GatewaySweeper>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>, GatewayConnectionLimits, ILogger<ConnectionLimiter>>(
            (kestrel, gateway, limits, logger) =>
            {
                if (!gateway.Value.Enabled)
                {
                    return;
                }

                LogLimits(logger, gateway.Value, limits);
                kestrel.ListenAnyIP(gateway.Value.Port, listen => listen
                    .Use(next => ActivatorUtilities.CreateInstance<ConnectionAdmission>(listen.ApplicationServices, next).OnConnectionAsync)
                    .UseConnectionHandler<Hj212ConnectionHandler>());
            });
        return builder;
    }

    private static void LogLimits(ILogger logger, GatewayOptions options, GatewayConnectionLimits limits)
    {
        if (limits.WasLowered)
        {
            GatewayLog.ConnectionLimitLowered(logger, options.MaxConnections ?? 0, limits.FileHandleLimit, limits.Reserved, limits.MaxConnections);
        }

        GatewayLog.Listening(
            logger, options.Port, limits.FileHandleLimit, limits.FileHandleSource, limits.Reserved, limits.MaxConnections, limits.MaxConnectionsPerAddress);
    }
}
