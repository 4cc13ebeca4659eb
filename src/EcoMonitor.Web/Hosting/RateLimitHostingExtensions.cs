using System.Globalization;
using System.Threading.RateLimiting;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>Rate limits per client and the output cache of the expensive anonymous reads (<see cref="RateLimitSettings"/>).</summary>
internal static class RateLimitHostingExtensions
{
    /// <summary>The rate-limiting policy of the API endpoints.</summary>
    public const string ApiPolicy = "api";

    private const string StaffItem = "ecomon.rate-limit.staff";

    /// <summary>The route patterns answered from the output cache: expensive, anonymous, the same for everyone.</summary>
    private static readonly string[] CachedRoutes =
    [
        "/api/v1/aqi/current/stations", "/api/v1/aqi/current/cities", "/api/v1/rankings/cities", "/api/v1/rankings/counties",
        "/api/v1/water/sections", "/api/v1/rankings/water/basins", "/api/v1/water/lakes/trophic", "/api/v1/downloads/aqi-hourly.csv", "/api/v1/downloads/water-daily.csv",
    ];

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitSettings>, RateLimitSettingsValidator>();
        services.AddSingleton<RateLimitCounters>();
        services.AddSingleton<ApiClientRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>, RateLimitCounters, ApiClientRateLimits>((limiter, settings, counters, clients) =>
        {
            RateLimitSettings s = settings.Value;
            limiter.AddPolicy(ApiPolicy, context => Partition(context, s, clients));
            limiter.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, counters, cancellationToken);
        });
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<RateLimitSettings>>((cache, settings) =>
        {
            TimeSpan duration = settings.Value.CacheDuration;
            cache.AddBasePolicy(policy => policy.With(context => duration > TimeSpan.Zero && IsCachedRoute(context.HttpContext)).Expire(duration));
        });
        return builder;
    }

    /// <summary>
    /// The rate limits and the output cache; call after authentication and response compression, before the endpoints
    /// (and the static files, which carry no rate-limit policy and so are not counted).
    /// </summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitSettings>>().Value.Enabled)
        {
            app.Use(MarkStaffAsync);
            app.UseRateLimiter();
        }

        app.UseOutputCache();
        return app;
    }

    // A signed-in console user is staff too: the default authentication knows only the API keys, so the console cookie
    // of a rate-limited request is checked here (the handler keeps the result for the request's later checks). An API
    // client learns its quota and what is left of it on every rate-limited answer, 429s included.
    private static async Task MarkStaffAsync(HttpContext context, RequestDelegate next)
    {
        if (ApiClientClaims.RateOf(context.User) is { } client
            && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
        {
            ApiClientRateLimits limits = context.RequestServices.GetRequiredService<ApiClientRateLimits>();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["RateLimit-Policy"] = ApiClientRateLimits.Policy(client.RequestsPerSecond, client.Burst);
                context.Response.Headers["RateLimit"] = limits.Remaining(client.Id, client.RequestsPerSecond, client.Burst);
                return Task.CompletedTask;
            });
        }
        else if (context.User.Identity?.IsAuthenticated != true
            && context.Request.Cookies.ContainsKey(PortalHostingExtensions.ConsoleCookieName)
            && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
        {
            AuthenticateResult result = await context.AuthenticateAsync(ConsoleLoginEndpoints.Scheme);
            if (result.Succeeded && result.Principal.Identity?.Name is { } name)
            {
                context.Items[StaffItem] = name;
            }
        }

        await next(context);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings, ApiClientRateLimits clients)
    {
        // Each API client its own bucket at its own rate (ADR 0036 §8), whatever address it calls from.
        if (ApiClientClaims.RateOf(context.User) is { } client)
        {
            return RateLimitPartition.Get("client:" + client.Id, _ => clients.Create(client.Id, client.RequestsPerSecond, client.Burst));
        }

        string? staff = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : context.Items[StaffItem] as string;
        return staff is not null
            ? RateLimitPartition.GetTokenBucketLimiter("staff:" + staff, _ => Bucket(settings.StaffBurst, settings.StaffPerSecond))
            : RateLimitPartition.GetTokenBucketLimiter("address:" + NetworkAddress.LimitKey(context.Connection.RemoteIpAddress), _ => Bucket(settings.AnonymousBurst, settings.AnonymousPerSecond));
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitCounters counters, CancellationToken cancellationToken)
    {
        HttpContext context = rejected.HttpContext;
        bool isClient = ApiClientClaims.IsClient(context.User);
        bool isStaff = context.User.Identity?.IsAuthenticated == true || context.Items.ContainsKey(StaffItem);
        counters.Rejected(isClient ? "api-client" : isStaff ? "staff" : "anonymous");
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        string who = isClient ? "This API client" : isStaff ? "This staff member" : "This address";
        await ApiProblems.WriteAsync(context, ProblemTypes.RateLimited, $"{who} has made more requests than its limit allows; try again in {seconds} s.");
    }

    private static bool IsCachedRoute(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
        && Array.Exists(CachedRoutes, route => string.Equals(route, "/" + pattern.TrimStart('/'), StringComparison.OrdinalIgnoreCase));
}
