using System.Collections.Frozen;

namespace EcoMonitor.Application.Access;

/// <summary>
/// The role × permission matrix (ADR 0036): fixed in code, reviewed like code, and published in docs/security.md (a test
/// keeps the two equal). Changing a row changes who may do what on every deployment.
/// </summary>
public static class RolePermissions
{
    private static readonly FrozenDictionary<Role, PermissionSet> Table = new Dictionary<Role, PermissionSet>
    {
        [Role.SystemAdministrator] = PermissionSet.Of(
            Permission.AccountsManage, Permission.AccountsRead, Permission.StationsWrite, Permission.AlarmRulesRead, Permission.AlarmRulesWrite,
            Permission.IngestRead, Permission.NetworkRead, Permission.WorkRead, Permission.WorkRetry),
        [Role.SecurityAdministrator] = PermissionSet.Of(Permission.AccessAssign, Permission.AccountsRead, Permission.ClientsManage),
        [Role.AuditAdministrator] = PermissionSet.Of(Permission.AuditRead),
        [Role.DataReviewer] = PermissionSet.Of(
            Permission.ReviewRead, Permission.ReviewDecide, Permission.QualityRead, Permission.CompletenessRead,
            Permission.FramesRead, Permission.ImportWrite, Permission.DustDaysWrite),
        [Role.NetworkOperator] = PermissionSet.Of(
            Permission.StationsWrite, Permission.FramesRead, Permission.IngestRead, Permission.NetworkRead,
            Permission.QualityRead, Permission.CompletenessRead, Permission.ImportWrite, Permission.WorkRead, Permission.WorkRetry),
        [Role.Manager] = PermissionSet.Of(Permission.CompletenessRead, Permission.AlarmsRead, Permission.DustDaysWrite, Permission.ReportsWrite, Permission.TargetsWrite),
        [Role.Enforcement] = PermissionSet.Of(
            Permission.AlarmsRead, Permission.AlarmsAct, Permission.AlarmRulesRead, Permission.FalsificationRead,
            Permission.PermitsRead, Permission.PermitsWrite, Permission.FramesRead),
        [Role.EnterpriseUser] = PermissionSet.Of(Permission.AlarmsRead, Permission.PermitsRead, Permission.CompletenessRead),
        [Role.DepartmentClient] = PermissionSet.Of(
            Permission.ImportWrite, Permission.AlarmsRead, Permission.CompletenessRead, Permission.QualityRead),
    }.ToFrozenDictionary();

    /// <summary>Every role, in declaration order.</summary>
    public static IReadOnlyList<Role> Roles { get; } = Enum.GetValues<Role>();

    /// <summary>The permissions of <paramref name="role"/>.</summary>
    public static PermissionSet Of(Role role) =>
        Table.TryGetValue(role, out PermissionSet set) ? set : throw new ArgumentOutOfRangeException(nameof(role), role, "not a role");

    /// <summary>The union of the permissions of <paramref name="roles"/> (permissions only add up).</summary>
    public static PermissionSet Of(IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        PermissionSet set = PermissionSet.None;
        foreach (Role role in roles)
        {
            set = set.Union(Of(role));
        }

        return set;
    }
}
