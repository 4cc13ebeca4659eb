using EcoMonitor.Application.Access;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class PermissionSetTests
{
    [Fact]
    public void Names_AreUniqueDotted_AndParseBack()
    {
        string[] names = [.. Permissions.All.Select(p => p.Name())];

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z-]+\\.(read|write|act|decide|retry|manage|assign)$", n));
        Assert.All(Permissions.All, p => Assert.True(Permissions.TryParse(p.Name(), out Permission back) && back == p));
        Assert.False(Permissions.TryParse("Alarms.Read", out _));
    }

    [Fact]
    public void Sets_OnlyAddUp()
    {
        var reads = PermissionSet.Of(Permission.AlarmsRead, Permission.AuditRead);
        var acts = PermissionSet.Of(Permission.AlarmsAct);

        PermissionSet both = reads.Union(acts);

        Assert.Equal(3, both.Count);
        Assert.True(reads.IsSubsetOf(both));
        Assert.False(both.IsSubsetOf(reads));
        Assert.False(PermissionSet.None.Contains(Permission.AlarmsRead));
        Assert.Equal([Permission.AlarmsRead, Permission.AlarmsAct, Permission.AuditRead], both.Enumerate());
        Assert.Equal("alarms.read, alarms.act, audit.read", both.ToString());
        Assert.Equal(Permissions.All.Count, PermissionSet.Everything.Count);
    }
}
