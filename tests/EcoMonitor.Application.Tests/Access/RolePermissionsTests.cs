using EcoMonitor.Application.Access;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class RolePermissionsTests
{
    [Fact]
    public void EveryPermission_IsHeldBySomeRole_AndEveryRoleHoldsSome()
    {
        PermissionSet held = RolePermissions.Of(RolePermissions.Roles);

        Assert.Equal(PermissionSet.Everything, held);
        Assert.All(RolePermissions.Roles, r => Assert.True(RolePermissions.Of(r).Count > 0, $"{r} holds nothing"));
    }

    [Fact]
    public void SeparatedAdministrators_ShareOnlyTheListOfAccounts_AndEachAloneHoldsItsOwn()
    {
        PermissionSet system = RolePermissions.Of(Role.SystemAdministrator);
        PermissionSet security = RolePermissions.Of(Role.SecurityAdministrator);
        PermissionSet audit = RolePermissions.Of(Role.AuditAdministrator);

        // The one shared permission is a read: the system administrator manages the accounts the security administrator
        // gives access to, so both see the list (never a secret); no change is shared.
        Assert.Equal(-1, system.Union(security).Count - system.Count - security.Count);
        Assert.True(system.Contains(Permission.AccountsRead) && security.Contains(Permission.AccountsRead));
        Assert.Equal(0, system.Union(audit).Count - system.Count - audit.Count);
        Assert.Equal(0, security.Union(audit).Count - security.Count - audit.Count);
        Assert.True(system.Contains(Permission.AccountsManage));
        Assert.True(security.Contains(Permission.AccessAssign));
        Assert.Equal(PermissionSet.Of(Permission.AuditRead), audit);
        Assert.All(RolePermissions.Roles.Where(r => r != Role.AuditAdministrator), r => Assert.False(RolePermissions.Of(r).Contains(Permission.AuditRead), $"{r} reads the audit trail"));
        Assert.All(RolePermissions.Roles.Where(r => r != Role.SecurityAdministrator), r => Assert.False(RolePermissions.Of(r).Contains(Permission.AccessAssign), $"{r} assigns roles"));
    }

    [Fact]
    public void EnterpriseUsers_AndClients_NeitherChangeTheNetwork_NorSeeOthersEvidence()
    {
        var staffOnly = PermissionSet.Of(
            Permission.StationsWrite, Permission.FramesRead, Permission.FalsificationRead, Permission.ReviewDecide,
            Permission.AlarmsAct, Permission.AlarmRulesWrite, Permission.PermitsWrite, Permission.AccountsManage,
            Permission.AccessAssign, Permission.ClientsManage, Permission.AuditRead);

        foreach (Role outsider in new[] { Role.EnterpriseUser, Role.DepartmentClient })
        {
            Assert.DoesNotContain(staffOnly.Enumerate(), p => RolePermissions.Of(outsider).Contains(p));
        }
    }

    [Fact]
    public void PermissionsOfSeveralRoles_AreTheUnion()
    {
        PermissionSet both = RolePermissions.Of([Role.DataReviewer, Role.Manager]);

        Assert.Equal(RolePermissions.Of(Role.DataReviewer).Union(RolePermissions.Of(Role.Manager)), both);
        Assert.Equal(PermissionSet.None, RolePermissions.Of([]));
    }
}
