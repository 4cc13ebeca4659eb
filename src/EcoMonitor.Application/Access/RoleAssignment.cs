namespace EcoMonitor.Application.Access;

/// <summary>
/// The rules a set of roles for one account must keep (ADR 0036): at most one of the three separated administrators
/// (三员分立), an administrator holds no other role, an enterprise user is nothing else, and the department-client role
/// belongs to API clients, not to people.
/// </summary>
public static class RoleAssignment
{
    private static readonly Role[] Administrators = [Role.SystemAdministrator, Role.SecurityAdministrator, Role.AuditAdministrator];

    /// <summary>True when <paramref name="role"/> is one of the three separated administrators.</summary>
    public static bool IsAdministrator(Role role) => Array.IndexOf(Administrators, role) >= 0;

    /// <summary>
    /// True when an account holding <paramref name="roles"/> must sign in with two factors (ADR 0036 §5): the
    /// administrators always, enforcement when <paramref name="includeEnforcement"/> (<see cref="AccountOptions.TwoFactorForEnforcement"/>).
    /// </summary>
    public static bool RequiresTwoFactor(IEnumerable<Role> roles, bool includeEnforcement = true)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(r => IsAdministrator(r) || (includeEnforcement && r == Role.Enforcement));
    }

    /// <summary>True when an account holding <paramref name="role"/> reads station-bound data and so needs a jurisdiction.</summary>
    public static bool NeedsJurisdiction(Role role) => !IsAdministrator(role) && role != Role.DepartmentClient;

    /// <summary>Null when a person's account may hold <paramref name="roles"/>, else the reason (for the operator).</summary>
    public static string? ProblemForAccount(IReadOnlyCollection<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Contains(Role.DepartmentClient))
        {
            return "the department-client role belongs to API clients, not to a person's account";
        }

        Role[] administrators = [.. roles.Where(IsAdministrator).Distinct()];
        if (administrators.Length > 1)
        {
            return $"the system, security and audit administrators are separated (三员分立): one account cannot be {string.Join(" and ", administrators)}";
        }

        if (administrators.Length == 1 && roles.Any(r => r != administrators[0]))
        {
            return $"an account that is {administrators[0]} holds no other role";
        }

        if (roles.Contains(Role.EnterpriseUser) && roles.Any(r => r != Role.EnterpriseUser))
        {
            return "an enterprise user's account holds no staff role";
        }

        return null;
    }
}
