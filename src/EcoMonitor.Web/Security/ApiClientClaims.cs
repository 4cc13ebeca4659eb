using System.Globalization;
using System.Security.Claims;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The claims of a request made with an API client's key (ADR 0036 §8): its name <c>client:&lt;id&gt;</c>, its id, the
/// role <see cref="Role.DepartmentClient"/>, one <see cref="Permission"/> claim per permission of the key (what
/// <see cref="StaffPermissions.Of"/> gives — never more than the role's), its jurisdiction (what <see cref="StaffScope.Of"/>
/// reads) and its rate (what the rate limiter's partition of the client is made of).
/// </summary>
internal static class ApiClientClaims
{
    /// <summary>The client's id: a principal with it is a client, whatever else it claims.</summary>
    public const string ClientId = "ecomonitor:client";

    /// <summary>One permission of the key (dotted name).</summary>
    public const string Permission = "ecomonitor:permission";

    /// <summary>The client's requests per second.</summary>
    public const string RequestsPerSecond = "ecomonitor:client-rate";

    /// <summary>The client's burst.</summary>
    public const string Burst = "ecomonitor:client-burst";

    /// <summary>The principal of a request with <paramref name="client"/>'s key.</summary>
    public static ClaimsPrincipal Principal(ApiClient client, string scheme)
    {
        ArgumentNullException.ThrowIfNull(client);
        List<Claim> claims =
        [
            new(ClaimTypes.Name, client.ActorName),
            new(ClientId, client.Id),
            new(StaffPermissions.RoleClaimType, nameof(Role.DepartmentClient)),
            new(AccountClaims.Jurisdiction, client.Jurisdiction.ToString()),
            new(RequestsPerSecond, client.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)),
            new(Burst, client.Burst.ToString(CultureInfo.InvariantCulture)),
        ];
        claims.AddRange(client.Permissions.Enumerate().Select(p => new Claim(Permission, p.Name())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>True when <paramref name="user"/> is (or merges) a client's principal.</summary>
    public static bool IsClient(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(c => c.Type == ClientId);
    }

    /// <summary>
    /// The permissions of a client's principal: its permission claims within <see cref="ApiClientService.Grantable"/>;
    /// none when the request also carries another identity (a console cookie beside the key), so that the two never add up.
    /// </summary>
    public static PermissionSet PermissionsOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identities.Count(i => i.IsAuthenticated) != 1)
        {
            return PermissionSet.None;
        }

        PermissionSet set = PermissionSet.None;
        foreach (Claim claim in user.FindAll(Permission))
        {
            if (Permissions.TryParse(claim.Value, out Application.Access.Permission permission) && ApiClientService.Grantable.Contains(permission))
            {
                set = set.Union(PermissionSet.Of(permission));
            }
        }

        return set;
    }

    /// <summary>The client id, requests per second and burst of a client's principal, or null for any other.</summary>
    public static (string Id, int RequestsPerSecond, int Burst)? RateOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(ClientId)?.Value is { } id
            && int.TryParse(user.FindFirst(RequestsPerSecond)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int rate)
            && int.TryParse(user.FindFirst(Burst)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int burst)
            ? (id, rate, burst)
            : null;
    }
}
