namespace EcoMonitor.Application.Access;

/// <summary>How every engine writes a client's permissions (so that <c>ecomon migrate</c> copies them as text): dotted names, comma-separated, in declaration order.</summary>
public static class ApiClientColumns
{
    /// <summary>The column text of <paramref name="permissions"/>.</summary>
    public static string JoinPermissions(PermissionSet permissions) => string.Join(',', permissions.Enumerate().Select(p => p.Name()));

    /// <summary>The permissions of a column text; throws for a name this version does not know (a newer store).</summary>
    public static PermissionSet ParsePermissions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        PermissionSet set = PermissionSet.None;
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            set = set.Union(PermissionSet.Of(Permissions.TryParse(name, out Permission permission)
                ? permission
                : throw new InvalidOperationException($"The store holds an unknown permission '{name}'.")));
        }

        return set;
    }
}
