using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The <see cref="AccessScope"/> of a request's principal (ADR 0036 §4): the emergency key sees everything; a person's
/// account its <see cref="AccountClaims.Jurisdiction"/> and, for an enterprise user, its <see cref="AccountClaims.Enterprise"/>;
/// an account without a jurisdiction sees everything only when none of its roles reads station data (the separated
/// administrators), else nothing; an API client its jurisdiction (<see cref="ApiClientClaims"/>). Anyone else (anonymous) sees nothing station-bound that is not published.
/// </summary>
internal static class StaffScope
{
    /// <summary>The scope of <paramref name="user"/>.</summary>
    public static AccessScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessScope.Nothing;
        }

        if (user.IsInRole(Roles.Administrator))
        {
            return AccessScope.Everything;
        }

        // A client's key beside another identity (a console cookie) sees nothing: the two never add up.
        if (ApiClientClaims.IsClient(user) && user.Identities.Count(i => i.IsAuthenticated) != 1)
        {
            return AccessScope.Nothing;
        }

        if (user.FindFirst(AccountClaims.Jurisdiction) is { } claim)
        {
            return RegionCode.TryParse(claim.Value, out RegionCode jurisdiction)
                ? AccessScope.Of(jurisdiction, user.FindFirst(AccountClaims.Enterprise)?.Value)
                : AccessScope.Nothing;
        }

        return StaffPermissions.RolesOf(user).Any(RoleAssignment.NeedsJurisdiction) ? AccessScope.Nothing : AccessScope.Everything;
    }
}
