using Microsoft.AspNetCore.Authentication;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The default authentication of every request: <c>Authorization: Bearer ecm_…</c> goes to
/// <see cref="ApiClientAuthenticationHandler"/> (an API client), any other bearer key to
/// <see cref="BootstrapKeyAuthenticationHandler"/> (the emergency key). The console's cookie is its own scheme, named by
/// the policies that accept it.
/// </summary>
internal static class BearerSchemes
{
    /// <summary>The forwarding scheme (the default).</summary>
    public const string Default = "Bearer";

    /// <summary>Registers the two bearer schemes and the default that chooses between them.</summary>
    public static AuthenticationBuilder AddBearerSchemes(this IServiceCollection services) =>
        services.AddAuthentication(Default)
            .AddPolicyScheme(Default, "API key", o => o.ForwardDefaultSelector = context =>
                ApiClientAuthenticationHandler.HasClientKey(context.Request) ? ApiClientAuthenticationHandler.SchemeName : BootstrapKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BootstrapKeyAuthenticationHandler>(BootstrapKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiClientAuthenticationHandler>(ApiClientAuthenticationHandler.SchemeName, null);
}
