using System.Security.Claims;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The permissions of an authenticated principal (ADR 0036): the union of the roles in its <see cref="RoleClaimType"/>
/// claims (names of <see cref="Role"/>; unknown names grant nothing). Transitional until named accounts land: the
/// bootstrap key and the console's configured administrator (role claim <see cref="Roles.Administrator"/>) hold every
/// permission, as before.
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

        PermissionSet set = PermissionSet.None;
        foreach (Claim claim in user.FindAll(RoleClaimType))
        {
            if (Enum.TryParse(claim.Value, ignoreCase: false, out Role role) && Enum.IsDefined(role))
            {
                set = set.Union(RolePermissions.Of(role));
            }
        }

        return set;
    }
}
