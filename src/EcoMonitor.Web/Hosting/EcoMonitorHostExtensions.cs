using EcoMonitor.Reports;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Configuration;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Targets;
using EcoMonitor.Application.Work;
using EcoMonitor.Gateway;
using EcoMonitor.Web.Alarms;
using EcoMonitor.Web.Api;
using EcoMonitor.Web.Health;
using EcoMonitor.Web.Security;
using EcoMonitor.Web.Security.DataProtection;

namespace EcoMonitor.Web.Hosting;

/// <summary>Composition of the whole host: storage, audit trail, accounts, registry, ingest pipeline, quality checks, air and water evaluation, alarms, the reload of configuration other nodes change, the work scheduled once across the nodes, set-aside background work, gateway, the HTTP API, portal and console, the balancer's health probes, metrics and traces (OpenTelemetry).</summary>
internal static class EcoMonitorHostExtensions
{
    public static WebApplicationBuilder AddEcoMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddHardening();
        builder.AddStorage();
        builder.AddSharedDataProtection();
        builder.Services.AddAuditTrail().AddAuditRetention();
        builder.Services.AddSecurityEvents();
        builder.Services.AddAccounts();
        builder.Services.AddApiClients();
        builder.Services.AddSingleton<ITotpSecretProtector, DataProtectionTotpSecretProtector>();
        builder.AddRegistry();
        builder.Services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.SectionName);
        builder.Services.AddHostedService<PlatformStartup>();
        builder.Services.AddHostedService<SetUpTokenNotice>();
        builder.Services.AddIngestPipeline();
        builder.Services.AddAirEvaluation();
        builder.Services.AddTargets();
        builder.Services.AddQualityChecks();
        builder.AddAlarmRuntime();
        builder.Services.AddConfigurationReload();
        builder.Services.AddScheduling();
        builder.Services.AddSingleton<SetAsideWorkService>();
        builder.Services.AddReports();
        builder.AddGateway();
        builder.AddApi();
        builder.AddPortal();
        builder.AddExternalSignIn();
        builder.AddRateLimits();
        builder.AddHealth();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication UseEcoMonitor(this WebApplication app)
    {
        app.UseHardening();
        app.UseApi();
        RouteGroupBuilder api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        api.MapStationEndpoints();
        api.MapAccountEndpoints();
        api.MapApiClientEndpoints();
        api.MapStationWriteEndpoints();
        api.MapParameterEndpoints();
        api.MapImportEndpoints();
        api.MapIngestEndpoints();
        api.MapAqiEndpoints();
        api.MapWaterEndpoints();
        api.MapNoiseEndpoints();
        api.MapStatisticsEndpoints();
        api.MapDustDayEndpoints();
        api.MapTargetEndpoints();
        api.MapWaterRankingEndpoints();
        api.MapWaterBodyEndpoints();
        api.MapAlarmEndpoints();
        api.MapAlarmRuleEndpoints();
        api.MapAuditEndpoints();
        api.MapQualityEndpoints();
        api.MapCompletenessEndpoints();
        api.MapFalsificationEndpoints();
        api.MapReviewEndpoints();
        api.MapWorkEndpoints();
        api.MapReportEndpoints();
        app.UsePortal(api);
        app.MapHealth();
        app.MapTelemetry();
        return app;
    }
}
