using EcoMonitor.Web.Security;
using EcoMonitor.Web.Security.External;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Sign-in through an OpenID Connect provider (<see cref="OidcOptions"/>, ADR 0036 §7). The provider's scheme is
/// added only when <c>Identity:Oidc:Authority</c> is set: otherwise nothing about it exists and nothing is ever
/// fetched. Even then its metadata is fetched at the first sign-in, not at start.
/// </summary>
internal static class ExternalSignInHostingExtensions
{
    public static IHostApplicationBuilder AddExternalSignIn(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.SectionName)
            .Validate(o => o.Problem() is null, "Identity:Oidc is not usable (docs/security.md \"External identity (OIDC)\")").ValidateOnStart();
        services.AddSingleton<SecondStepTicket>();
        services.AddSingleton<ExternalSignIn>();
        // The scheme is added when the authentication options are first built (from the final configuration) and only
        // when a provider is configured: without one the handler never exists, so it neither fetches nor validates.
        services.AddAuthentication();
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<OidcOptions>>((authentication, oidc) =>
        {
            if (oidc.Value.IsConfigured)
            {
                authentication.AddScheme<OpenIdConnectHandler>(ExternalSignIn.Scheme, "统一身份认证");
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.TryAddTransient<OpenIdConnectHandler>();
        services.AddOptions<OpenIdConnectOptions>(ExternalSignIn.Scheme).Configure<IOptions<OidcOptions>, ExternalSignIn>((handler, oidc, signIn) =>
        {
            OidcOptions o = oidc.Value;
            handler.Authority = o.Authority;
            handler.ClientId = o.ClientId;
            handler.ClientSecret = string.IsNullOrEmpty(o.ClientSecret) ? null : o.ClientSecret;
            handler.RequireHttpsMetadata = o.RequireHttpsMetadata;
            handler.ResponseType = OpenIdConnectResponseType.Code;
            handler.UsePkce = true;
            // The answer comes as a top-level GET: SameSite=Lax cookies (correlation, nonce) go with it, over HTTP too
            // in a test deployment; form_post would need SameSite=None, which browsers allow only with Secure.
            handler.ResponseMode = OpenIdConnectResponseMode.Query;
            handler.CallbackPath = ExternalSignIn.CallbackPath;
            handler.SignInScheme = ConsoleLoginEndpoints.Scheme;
            handler.MapInboundClaims = false;
            handler.GetClaimsFromUserInfoEndpoint = false;
            handler.SaveTokens = false;
            handler.DisableTelemetry = true;
            handler.Scope.Clear();
            foreach (string scope in o.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("openid").Distinct(StringComparer.Ordinal))
            {
                handler.Scope.Add(scope);
            }

            CookieSecurePolicy secure = signIn.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            handler.CorrelationCookie.SameSite = SameSiteMode.Lax;
            handler.CorrelationCookie.SecurePolicy = secure;
            handler.NonceCookie.SameSite = SameSiteMode.Lax;
            handler.NonceCookie.SecurePolicy = secure;
            handler.Events.OnTicketReceived = ExternalSignIn.TicketReceivedAsync;
            handler.Events.OnRemoteFailure = ExternalSignIn.RemoteFailureAsync;
        });
        return builder;
    }
}
