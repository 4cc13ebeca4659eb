using System.Security.Claims;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The permissions of an authenticated principal (ADR 0036): the union of the roles in its <see cref="RoleClaimType"/>
/// claims (names of <see cref="Role"/>; unknown names grant nothing); none while its session must first set a password
/// or enrol an authenticator (<see cref="AccountClaims.Pending"/>). An API client's key holds exactly its own permissions
/// (<see cref="ApiClientClaims.PermissionsOf"/>), not its role's. The emergency bootstrap key (role claim
/// <see cref="Roles.Administrator"/>) holds every permission.
/// </summary>
internal static class StaffPermissions
{
    /// <summary>The claim type naming one <see cref="Role"/> of an account or client.</summary>
    public const string RoleClaimType = "ecomonitor:role";

    /// <summary>The permissions <paramref name="user"/> holds; none when it is not authenticated.</summary>
    public static PermissionSet Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return PermissionSet.None;
        }

        if (user.IsInRole(Roles.Administrator))
        {
            return PermissionSet.Everything;
        }

        if (user.HasClaim(c => c.Type == AccountClaims.Pending))
        {
            return PermissionSet.None;
        }

        if (ApiClientClaims.IsClient(user))
        {
            return ApiClientClaims.PermissionsOf(user);
        }

        return RolePermissions.Of(RolesOf(user));
    }

    /// <summary>The roles in <paramref name="user"/>'s <see cref="RoleClaimType"/> claims (unknown names skipped).</summary>
    public static IEnumerable<Role> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (Claim claim in user.FindAll(RoleClaimType))
        {
            if (Enum.TryParse(claim.Value, ignoreCase: false, out Role role) && Enum.IsDefined(role))
            {
                yield return role;
            }
        }
    }
}
