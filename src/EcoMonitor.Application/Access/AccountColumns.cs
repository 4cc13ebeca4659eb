namespace EcoMonitor.Application.Access;

/// <summary>
/// How every engine writes an account's lists and roles (so that <c>ecomon migrate</c> copies them as text): hash lists
/// one per line (Identity hashes are base64, never a line break), roles by their <see cref="Role"/> member name.
/// </summary>
public static class AccountColumns
{
    /// <summary>The column text of <paramref name="hashes"/>.</summary>
    public static string JoinHashes(IReadOnlyList<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        return string.Join('\n', hashes);
    }

    /// <summary>The hashes of a column text.</summary>
    public static IReadOnlyList<string> SplitHashes(string text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split('\n');

    /// <summary><paramref name="roles"/> as the store returns them: each once, in declaration order.</summary>
    public static IReadOnlyList<Role> Normalise(IEnumerable<Role> roles) => [.. roles.Distinct().Order()];

    /// <summary>The stored name of <paramref name="role"/>.</summary>
    public static string RoleCode(Role role) => role.ToString();

    /// <summary>The role of a stored name; throws for a name this version does not know (a newer store).</summary>
    public static Role ParseRole(string code) =>
        Enum.TryParse(code, ignoreCase: false, out Role role) && Enum.IsDefined(role)
            ? role
            : throw new InvalidOperationException($"The store holds an unknown role '{code}'.");

    /// <summary>
    /// Null when the store may keep <paramref name="roles"/> (at most one separated administrator; checked again by the
    /// store's own constraint), else the reason.
    /// </summary>
    public static string? StoreProblem(IReadOnlyList<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Role[] administrators = [.. roles.Where(RoleAssignment.IsAdministrator).Distinct()];
        return administrators.Length > 1
            ? $"one account cannot be {string.Join(" and ", administrators)} (三员分立)"
            : null;
    }
}
