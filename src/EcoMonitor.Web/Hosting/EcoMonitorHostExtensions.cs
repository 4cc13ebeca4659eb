using EcoMonitor.Web.Api;

namespace EcoMonitor.Web.Hosting;

/// <summary>Composition of the whole host: storage, registry, ingest pipeline, gateway and the HTTP API.</summary>
internal static class EcoMonitorHostExtensions
{
    public static WebApplicationBuilder AddEcoMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddApi();
        return builder;
    }

    public static WebApplication UseEcoMonitor(this WebApplication app)
    {
        app.UseApi();
        RouteGroupBuilder api = app.MapGroup("/api/v1");
        api.MapStationEndpoints();
        return app;
    }
}
