using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Gateway;
using EcoMonitor.Web.Alarms;
using EcoMonitor.Web.Api;

namespace EcoMonitor.Web.Hosting;

/// <summary>Composition of the whole host: storage, registry, ingest pipeline, air evaluation, alarms, gateway and the HTTP API.</summary>
internal static class EcoMonitorHostExtensions
{
    public static WebApplicationBuilder AddEcoMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddRegistry();
        builder.Services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.SectionName);
        builder.Services.AddHostedService<PlatformStartup>();
        builder.Services.AddIngestPipeline();
        builder.Services.AddAirEvaluation();
        builder.AddAlarmRuntime();
        builder.AddGateway();
        builder.AddApi();
        return builder;
    }

    public static WebApplication UseEcoMonitor(this WebApplication app)
    {
        app.UseApi();
        RouteGroupBuilder api = app.MapGroup("/api/v1");
        api.MapStationEndpoints();
        api.MapStationWriteEndpoints();
        api.MapParameterEndpoints();
        api.MapImportEndpoints();
        api.MapIngestEndpoints();
        api.MapAqiEndpoints();
        api.MapStatisticsEndpoints();
        api.MapAlarmEndpoints();
        api.MapAlarmRuleEndpoints();
        return app;
    }
}
