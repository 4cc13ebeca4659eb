using System.IO.Compression;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Web.Api.Console;
using EcoMonitor.Web.Api.Portal;
using EcoMonitor.Web.Security;
using EcoMonitor.Web.Security.External;
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
    /// <summary>The name of the console's session cookie.</summary>
    public const string ConsoleCookieName = "ecomon.console";

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
        services.AddSingleton<ConsoleTicketStore>();
        services.AddSingleton<AccountSessionValidator>();
        services.AddSingleton<TwoFactorEnrolments>();
        services.AddSingleton<IScheduledJob, ConsoleSessionSweepJob>();
        services.AddAuthentication().AddCookie(ConsoleLoginEndpoints.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ConsoleLoginEndpoints.Scheme)
            .Configure<IOptions<ConsoleOptions>, IHostEnvironment, ConsoleTicketStore, AccountSessionValidator, ILoggerFactory>((cookie, console, environment, tickets, accounts, loggers) =>
        {
            cookie.Cookie.Name = ConsoleCookieName;
            cookie.Cookie.HttpOnly = true;
            // Strict: the browser never sends the cookie on a cross-site request, which is the CSRF defence of the console's POSTs.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // HTTPS only outside Development, unless a test deployment without TLS says otherwise (warned at start).
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() || console.Value.AllowInsecureCookie ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // The session lives in the store (ConsoleTicketStore): revoked on every node at sign-out, ended when idle
            // (sliding, there) or at the end of its absolute lifetime (here and there).
            cookie.SessionStore = tickets;
            cookie.ExpireTimeSpan = console.Value.SessionLifetime;
            cookie.SlidingExpiration = false;
            cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
            // Every request's session follows its account: disabled ends it, changed roles or scope rebuild its claims.
            cookie.Events.OnValidatePrincipal = accounts.ValidateAsync;
            ILogger logger = loggers.CreateLogger<ConsoleTicketStore>();
            cookie.Events.OnSigningIn = context =>
            {
                if (context.CookieOptions.Secure && !context.Request.IsHttps)
                {
                    WebLog.ConsoleSignInOverHttp(logger, context.Principal?.Identity?.Name, context.HttpContext.Connection.RemoteIpAddress?.ToString());
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Roles.ConsolePolicy, p => p
            .AddAuthenticationSchemes(ConsoleLoginEndpoints.Scheme, BootstrapKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app, RouteGroupBuilder api)
    {
        // Only the files meant for the public are visible to the static file middleware (PublicFileProvider); the
        // console's files only to a signed-in administrator, decided on the file a request resolves to (ConsolePageGuard).
        var files = new PublicFileProvider(app.Environment.WebRootFileProvider);
        app.UseResponseCompression();
        app.UseRateLimits();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UsePrecompressedCopies(files);
        app.UseConsolePageGuard(files);
        app.UseStaticFiles(PrecompressedStaticFiles.Options(files));
        app.MapConsoleLogin();
        app.MapExternalSignIn();
        app.MapOwnAccount();
        app.MapSetUp();
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
}
