using EcoMonitor.Application.Access;
using Microsoft.AspNetCore.Authorization;

namespace EcoMonitor.Web.Security;

/// <summary>One authorization policy per <see cref="Permission"/>, named <c>permission:&lt;dotted name&gt;</c>, accepting the emergency key, the console's cookie and API clients' keys (last, so that its 429 answers last).</summary>
internal static class PermissionPolicies
{
    /// <summary>The policy name of <paramref name="permission"/>.</summary>
    public static string PolicyName(Permission permission) => "permission:" + permission.Name();

    /// <summary>Adds every permission's policy and the handler that judges them.</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder, IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PermissionDenialAudit>();
        foreach (Permission permission in Permissions.All)
        {
            builder.AddPolicy(PolicyName(permission), p => p
                .AddAuthenticationSchemes(BootstrapKeyAuthenticationHandler.SchemeName, ConsoleLoginEndpoints.Scheme, ApiClientAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return builder;
    }
}
