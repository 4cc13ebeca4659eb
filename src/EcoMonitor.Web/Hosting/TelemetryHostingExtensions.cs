using System.Net;
using EcoMonitor.Application;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Work;
using EcoMonitor.Gateway;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Storage.Sqlite;
using EcoMonitor.Web.Security;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// OpenTelemetry wiring (STYLE §7: in the host): every meter the code counts with (gateway, ingest, work, schedule,
/// security, console sign-in, rate limits) plus ASP.NET Core's and the runtime's, served on a Prometheus scrape endpoint
/// to the allowed networks and sent to an OTLP collector when one is configured; traces of every project's
/// <c>ActivitySource</c> (gateway → ingest → store, HTTP → store, Npgsql) only when an OTLP collector is configured.
/// </summary>
internal static class TelemetryHostingExtensions
{
    private static readonly string[] Meters =
    [
        GatewayStats.MeterName, IngestCounters.MeterName, WorkCounters.MeterName, ScheduledRuns.MeterName, SecurityEventLog.MeterName,
        ConsoleLoginCounters.MeterName, RateLimitCounters.MeterName,
    ];

    private static readonly string[] Sources =
    [
        GatewayTelemetry.SourceName, ApplicationTelemetry.SourceName, SqliteTelemetry.SourceName, PostgresTelemetry.SourceName, "Npgsql",
    ];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        TelemetryOptions options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        bool hasOtlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ecomonitor", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (!string.IsNullOrWhiteSpace(options.PrometheusPath))
                {
                    metrics.AddPrometheusExporter();
                }

                if (hasOtlp)
                {
                    metrics.AddOtlpExporter((otlp, reader) =>
                    {
                        Configure(otlp, options, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.OtlpMetricInterval.TotalMilliseconds;
                    });
                }
            });
        if (hasOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddOtlpExporter(otlp => Configure(otlp, options, "v1/traces")));
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, answered only to the allowed networks (404 to anyone else).</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        TelemetryOptions options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.PrometheusPath))
        {
            return app;
        }

        IEnumerable<string> networks = options.ScrapeNetworks.Any(n => !string.IsNullOrWhiteSpace(n)) ? options.ScrapeNetworks : TelemetryOptions.DefaultScrapeNetworks;
        IPNetwork[] allowed = [.. networks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(IPNetwork.Parse)];
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(options.PrometheusPath) && !IsAllowed(context.Connection.RemoteIpAddress, allowed),
            refused => refused.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.MapPrometheusScrapingEndpoint(options.PrometheusPath).DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    private static bool IsAllowed(IPAddress? address, IPNetwork[] allowed)
    {
        if (address is null)
        {
            return false;
        }

        IPAddress client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(network => network.Contains(client));
    }

    /// <summary>gRPC: the collector's address; HTTP: the signal's path under it (set in code, the exporter adds none).</summary>
    private static void Configure(OtlpExporterOptions otlp, TelemetryOptions options, string signalPath)
    {
        bool isGrpc = options.OtlpProtocol == "grpc";
        otlp.Protocol = isGrpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        otlp.Endpoint = isGrpc ? new Uri(options.OtlpEndpoint) : new Uri(new Uri(options.OtlpEndpoint.TrimEnd('/') + "/"), signalPath);
    }
}
