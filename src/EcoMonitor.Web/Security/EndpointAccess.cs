using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Endpoint metadata saying who may call it (ADR 0036): the public, any signed-in staff member, or holders of one
/// <see cref="Permission"/>. Every endpoint under <c>/api</c> carries exactly one (EndpointAccessTests); set it with
/// <see cref="EndpointAccessExtensions"/>, never with a bare <c>RequireAuthorization</c>.
/// </summary>
internal sealed record EndpointAccess(EndpointAccessKind Kind, Permission? Permission)
{
    /// <summary>Open to anyone (published data, sign-in).</summary>
    public static EndpointAccess Public { get; } = new(EndpointAccessKind.Public, null);

    /// <summary>Any signed-in staff member or key, whatever its permissions.</summary>
    public static EndpointAccess SignedIn { get; } = new(EndpointAccessKind.SignedIn, null);

    /// <summary>Holders of <paramref name="permission"/>.</summary>
    public static EndpointAccess For(Permission permission) => new(EndpointAccessKind.Permission, permission);
}
