using System.IO.Compression;
using EcoMonitor.Web.Api.Console;
using EcoMonitor.Web.Api.Portal;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// The public portal and the staff console: static pages from wwwroot (wwwroot/README.md), their API endpoints
/// (Api/Portal, Api/Console) and the console's cookie sign-in (<see cref="ConsoleOptions"/>).
/// </summary>
internal static class PortalHostingExtensions
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.SignInBackoff.Problem() is null, "Console:SignInBackoff is not usable (FirstDelay > 0, MaxDelay >= FirstDelay, Window > 0)").ValidateOnStart();
        services.AddSingleton<ConsoleLoginCounters>();
        services.AddSingleton<ConsoleSignInThrottle>();
        // API answers (JSON) compressed per request at the fastest level; static files come precompressed
        // (PrecompressedStaticFiles). Over HTTP only (the default): behind TLS the terminating proxy compresses.
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddAuthentication().AddCookie(ConsoleLoginEndpoints.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ConsoleLoginEndpoints.Scheme).Configure<IOptions<ConsoleOptions>>((cookie, console) =>
        {
            cookie.Cookie.Name = "ecomon.console";
            cookie.Cookie.HttpOnly = true;
            // Strict: the browser never sends the cookie on a cross-site request, which is the CSRF defence of the console's POSTs.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = console.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder().AddPolicy(Roles.ConsolePolicy, p => p
            .AddAuthenticationSchemes(ConsoleLoginEndpoints.Scheme, BootstrapKeyAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Administrator));
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app, RouteGroupBuilder api)
    {
        app.Use(RequireConsoleSignInAsync);
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UsePrecompressedCopies(app.Environment.WebRootFileProvider);
        app.UseStaticFiles(PrecompressedStaticFiles.Options());
        app.MapConsoleLogin();
        api.MapCurrentAqiEndpoints();
        api.MapAqiLevelEndpoints();
        api.MapDownloadEndpoints();
        api.MapConsoleEndpoints();
        return app;
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A policy with both schemes challenges both: the key scheme may already have answered (429 while backing off).
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }

    // The console's pages (not its script and style sheet, which hold no data) need a signed-in administrator.
    private static async Task RequireConsoleSignInAsync(HttpContext context, RequestDelegate next)
    {
        PathString path = context.Request.Path;
        bool isConsolePage = path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase)
            && (path.Value!.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.Value.EndsWith('/') || path.Value.Equals("/console", StringComparison.OrdinalIgnoreCase))
            && !path.Value.EndsWith("/login.html", StringComparison.OrdinalIgnoreCase);
        if (isConsolePage)
        {
            AuthenticateResult result = await context.AuthenticateAsync(ConsoleLoginEndpoints.Scheme);
            if (!result.Succeeded || !result.Principal.IsInRole(Roles.Administrator))
            {
                context.Response.Redirect("/console/login.html?returnUrl=" + Uri.EscapeDataString(path.Value ?? "/console/"));
                return;
            }
        }

        await next(context);
    }
}
