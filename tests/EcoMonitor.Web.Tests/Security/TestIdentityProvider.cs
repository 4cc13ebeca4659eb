using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// A real OpenID Connect provider for the tests (ADR 0036 §7): OpenIddict's server on Kestrel on a loopback port, in
/// degraded mode (no store: its codes and tokens are self-contained, signed and encrypted with ephemeral keys), with the
/// authorization code flow and PKCE required. Its authorization endpoint signs in <see cref="NextSubject"/> at once,
/// without a page — the person the test plays. It checks the client id, redirect URI and client secret itself.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "ecomonitor-console";
    public const string ClientSecret = "test-client-secret-5d1e";

    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app, int port)
    {
        _app = app;
        Issuer = $"http://127.0.0.1:{port}/";
    }

    /// <summary>The provider's issuer, exactly as its ID tokens say it.</summary>
    public string Issuer { get; }

    /// <summary>The subject the next authorization request signs in.</summary>
    public string NextSubject { get; set; } = "nobody";

    /// <summary>Starts the provider on <paramref name="port"/>, accepting only <paramref name="redirectUri"/>.</summary>
    public static async Task<TestIdentityProvider> StartAsync(int port, string redirectUri)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        // Not the platform's appsettings.json beside the tests (its Kestrel endpoints): this host listens on its port only.
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        TestIdentityProvider? provider = null;
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(new Uri($"http://127.0.0.1:{port}/"));
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            // Degraded mode leaves the client's checks to the host: done here as a real provider's registration would.
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != redirectUri)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "unknown client or redirect URI");
                }

                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "unknown client or wrong secret");
                }

                return default;
            }));
        });
        WebApplication app = builder.Build();
        provider = new TestIdentityProvider(app, port);
        app.UseAuthentication();
        app.MapGet("/connect/authorize", (HttpContext context) =>
        {
            OpenIddictRequest request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            ClaimsIdentity identity = new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, provider.NextSubject).SetClaim(Claims.Name, "测试用户 " + provider.NextSubject);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
