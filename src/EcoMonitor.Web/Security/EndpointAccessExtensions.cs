using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>The only ways an endpoint states who may call it (ADR 0036).</summary>
internal static class EndpointAccessExtensions
{
    /// <summary>Only principals holding <paramref name="permission"/> (401 without a credential, 403 without the permission).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicies.PolicyName(permission)).WithMetadata(EndpointAccess.For(permission));

    /// <summary>Any signed-in staff member or key (the console's own "who am I").</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Roles.ConsolePolicy).WithMetadata(EndpointAccess.SignedIn);

    /// <summary>Open to anyone: published data the public may read, or the sign-in itself.</summary>
    public static TBuilder PublicData<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(EndpointAccess.Public);
}
