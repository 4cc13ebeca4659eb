using System.Collections.Frozen;

namespace EcoMonitor.Application.Access;

/// <summary>The dotted names of <see cref="Permission"/> and their parsing.</summary>
public static class Permissions
{
    private static readonly FrozenDictionary<Permission, string> Names = new Dictionary<Permission, string>
    {
        [Permission.StationsWrite] = "stations.write",
        [Permission.ImportWrite] = "import.write",
        [Permission.IngestRead] = "ingest.read",
        [Permission.NetworkRead] = "network.read",
        [Permission.FramesRead] = "frames.read",
        [Permission.QualityRead] = "quality.read",
        [Permission.CompletenessRead] = "completeness.read",
        [Permission.FalsificationRead] = "falsification.read",
        [Permission.ReviewRead] = "review.read",
        [Permission.ReviewDecide] = "review.decide",
        [Permission.AlarmsRead] = "alarms.read",
        [Permission.AlarmsAct] = "alarms.act",
        [Permission.AlarmRulesRead] = "alarm-rules.read",
        [Permission.AlarmRulesWrite] = "alarm-rules.write",
        [Permission.PermitsRead] = "permits.read",
        [Permission.PermitsWrite] = "permits.write",
        [Permission.AuditRead] = "audit.read",
        [Permission.WorkRead] = "work.read",
        [Permission.WorkRetry] = "work.retry",
        [Permission.AccountsManage] = "accounts.manage",
        [Permission.AccessAssign] = "access.assign",
        [Permission.ClientsManage] = "clients.manage",
        [Permission.AccountsRead] = "accounts.read",
        [Permission.DustDaysWrite] = "dust-days.write",
        [Permission.ReportsWrite] = "reports.write",
        [Permission.TargetsWrite] = "targets.write",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Permission> ByName =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every permission, in declaration order.</summary>
    public static IReadOnlyList<Permission> All { get; } = Enum.GetValues<Permission>();

    /// <summary>The dotted name, e.g. <c>alarms.read</c>.</summary>
    public static string Name(this Permission permission) =>
        Names.TryGetValue(permission, out string? name) ? name : throw new ArgumentOutOfRangeException(nameof(permission), permission, "not a permission");

    /// <summary>The permission with this dotted name (ordinal), if any.</summary>
    public static bool TryParse(string name, out Permission permission) => ByName.TryGetValue(name, out permission);
}
