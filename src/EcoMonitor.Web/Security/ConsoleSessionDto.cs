using System.Security.Claims;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>The signed-in person (or key) as the console shows it.</summary>
/// <param name="User">The account name (<c>bootstrap-admin</c> for the emergency key).</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="Roles">The account's roles.</param>
/// <param name="Permissions">What the session may do now (none while <paramref name="Pending"/> is not empty).</param>
/// <param name="Jurisdiction">The region code whose stations the account sees, if any.</param>
/// <param name="Enterprise">An enterprise user's enterprise.</param>
/// <param name="Pending">What the session must do first: <c>password</c> (set its own), <c>two-factor</c> (enrol an authenticator).</param>
public sealed record ConsoleSessionDto(
    string User, string DisplayName, IReadOnlyList<Role> Roles, IReadOnlyList<string> Permissions, string? Jurisdiction, string? Enterprise,
    IReadOnlyList<string> Pending)
{
    /// <summary>The session of <paramref name="user"/>.</summary>
    internal static ConsoleSessionDto Of(ClaimsPrincipal user)
    {
        string name = user.Identity?.Name ?? "";
        return new ConsoleSessionDto(
            name,
            user.FindFirst(AccountClaims.DisplayName)?.Value ?? name,
            [.. StaffPermissions.RolesOf(user)],
            [.. StaffPermissions.Of(user).Enumerate().Select(p => p.Name())],
            user.FindFirst(AccountClaims.Jurisdiction)?.Value,
            user.FindFirst(AccountClaims.Enterprise)?.Value,
            AccountClaims.PendingOf(user));
    }
}
