using System.Numerics;

namespace EcoMonitor.Application.Access;

/// <summary>An immutable set of <see cref="Permission"/>s (one bit each). Sets only add up: there is no "deny".</summary>
public readonly record struct PermissionSet
{
    private readonly ulong _bits;

    private PermissionSet(ulong bits) => _bits = bits;

    /// <summary>No permission (the public, and an account before the security administrator assigns it a role).</summary>
    public static PermissionSet None => default;

    /// <summary>Every permission.</summary>
    public static PermissionSet Everything { get; } = Of([.. Permissions.All]);

    /// <summary>How many permissions the set holds.</summary>
    public int Count => BitOperations.PopCount(_bits);

    /// <summary>The set of <paramref name="permissions"/>.</summary>
    public static PermissionSet Of(params ReadOnlySpan<Permission> permissions)
    {
        ulong bits = 0;
        foreach (Permission permission in permissions)
        {
            bits |= Bit(permission);
        }

        return new PermissionSet(bits);
    }

    /// <summary>True when the set holds <paramref name="permission"/>.</summary>
    public bool Contains(Permission permission) => (_bits & Bit(permission)) != 0;

    /// <summary>The union of both sets.</summary>
    public PermissionSet Union(PermissionSet other) => new(_bits | other._bits);

    /// <summary>True when every permission of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(PermissionSet other) => (_bits & ~other._bits) == 0;

    /// <summary>The permissions in declaration order.</summary>
    public IEnumerable<Permission> Enumerate()
    {
        ulong bits = _bits;
        return Permissions.All.Where(p => (bits & Bit(p)) != 0);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Enumerate().Select(p => p.Name()));

    private static ulong Bit(Permission permission)
    {
        int index = (int)permission;
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(permission));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 63, nameof(permission));
        return 1UL << index;
    }
}
