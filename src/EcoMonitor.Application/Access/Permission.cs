namespace EcoMonitor.Application.Access;

/// <summary>
/// What a staff endpoint requires (ADR 0036). Closed: every non-public endpoint names exactly one; roles are fixed sets
/// of them (<see cref="RolePermissions"/>). The dotted names (<see cref="Permissions.Name"/>) appear in the OpenAPI
/// document, docs/security.md and the audit trail; never renumber or rename a member (sets may be stored as bits).
/// </summary>
public enum Permission
{
    /// <summary><c>stations.write</c>: register or change stations (the registry).</summary>
    StationsWrite = 0,

    /// <summary><c>import.write</c>: import observations (CSV/JSON/CNEMC) over the API.</summary>
    ImportWrite = 1,

    /// <summary><c>ingest.read</c>: the gateway's and the ingest pipeline's counters.</summary>
    IngestRead = 2,

    /// <summary><c>network.read</c>: every station's connection and reporting status (the console's network view).</summary>
    NetworkRead = 3,

    /// <summary><c>frames.read</c>: a station's raw HJ 212 frames as received (passwords masked).</summary>
    FramesRead = 4,

    /// <summary><c>quality.read</c>: automatic quality findings of a station.</summary>
    QualityRead = 5,

    /// <summary><c>completeness.read</c>: valid-data capture, on-time rate and offline periods (有效数据获取率).</summary>
    CompletenessRead = 6,

    /// <summary><c>falsification.read</c>: falsification signs and scores of outlets (打假).</summary>
    FalsificationRead = 7,

    /// <summary><c>review.read</c>: the review queue and a station's reviewed values (数据审核).</summary>
    ReviewRead = 8,

    /// <summary><c>review.decide</c>: record review decisions (confirm, invalidate, correct).</summary>
    ReviewDecide = 9,

    /// <summary><c>alarms.read</c>: alarms, their frozen evidence, timelines and statistics.</summary>
    AlarmsRead = 10,

    /// <summary><c>alarms.act</c>: workflow actions on alarms (acknowledge, dispatch, feedback, verify, reject, escalate, dismiss).</summary>
    AlarmsAct = 11,

    /// <summary><c>alarm-rules.read</c>: the alarm rules.</summary>
    AlarmRulesRead = 12,

    /// <summary><c>alarm-rules.write</c>: change or delete alarm rules.</summary>
    AlarmRulesWrite = 13,

    /// <summary><c>permits.read</c>: an outlet's discharge permit limits (排污许可限值).</summary>
    PermitsRead = 14,

    /// <summary><c>permits.write</c>: set an outlet's discharge permit limits.</summary>
    PermitsWrite = 15,

    /// <summary><c>audit.read</c>: the audit trail and its verification.</summary>
    AuditRead = 16,

    /// <summary><c>work.read</c>: background work set aside after repeated failures.</summary>
    WorkRead = 17,

    /// <summary><c>work.retry</c>: retry set-aside background work.</summary>
    WorkRetry = 18,

    /// <summary><c>accounts.manage</c>: create, disable and reset user accounts (system administrator; no roles).</summary>
    AccountsManage = 19,

    /// <summary><c>access.assign</c>: assign roles and jurisdictions to accounts (security administrator).</summary>
    AccessAssign = 20,

    /// <summary><c>clients.manage</c>: issue and revoke API clients' keys (security administrator).</summary>
    ClientsManage = 21,

    /// <summary><c>accounts.read</c>: list people's accounts with their roles, scope and sign-in state (system and security administrators).</summary>
    AccountsRead = 22,

    /// <summary><c>dust-days.write</c>: mark and unmark a city's days as affected by dust and sand (沙尘天气影响), in the jurisdiction.</summary>
    DustDaysWrite = 23,
    /// <summary>Generate report documents on demand (<c>POST /api/v1/reports</c>) for regions in the caller's jurisdiction.</summary>
    ReportsWrite = 24,

    /// <summary><c>targets.write</c>: set and remove the assessment targets (考核目标) of regions in the jurisdiction.</summary>
    TargetsWrite = 25,
}
