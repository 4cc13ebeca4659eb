using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoMonitor.Web.Health;

/// <summary>
/// The balancer's probes: <c>GET /health/ready</c> (200 once this node has worked off the background work pending at
/// its start — <see cref="StartupHealthCheck"/>, docs/adr/0035 — and while the store answers a trivial query within
/// <see cref="StoreTimeout"/>; else 503 with <c>Retry-After</c>) and <c>GET /health/live</c> (200 while the process
/// serves). Anonymous, rate-limited like the API, never cached, not in the OpenAPI document; the body is one word:
/// <c>up</c>, <c>starting</c> (the start-up work goes on; the store answers) or <c>down</c>.
/// </summary>
internal static class HealthHostingExtensions
{
    public const string ReadyPath = "/health/ready";
    public const string LivePath = "/health/live";

    /// <summary>How long the store may take to answer the readiness query.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2);

    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoreHealthCheck>();
        builder.Services.AddSingleton<StartupHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [ReadyTag], StoreTimeout)
            .AddCheck<StartupHealthCheck>("startup", HealthStatus.Unhealthy, [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(ReadyPath, Options(r => r.Tags.Contains(ReadyTag)))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        app.MapHealthChecks(LivePath, Options(_ => false))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        AllowCachingResponses = false,
        ResponseWriter = WriteAsync,
    };

    // One word and nothing else: no check names, descriptions or exception text.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsync("up");
        }

        StoreUnavailableProblem.Apply(context.Response);
        bool isOnlyStarting = report.Entries.All(e => e.Value.Status == HealthStatus.Healthy || e.Value.Description == StartupHealthCheck.Starting);
        return context.Response.WriteAsync(isOnlyStarting ? StartupHealthCheck.Starting : "down");
    }
}
