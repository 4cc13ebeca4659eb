namespace EcoMonitor.Application.Access;

/// <summary>
/// The posts of a monitoring centre's platform (ADR 0036, issue 14). Each is a fixed set of permissions
/// (<see cref="RolePermissions"/>); an account's permissions are the union of its roles'. The three administrators are
/// separated (三员分立): no account holds two of them (<see cref="RoleAssignment"/>). Names are stored: never rename.
/// </summary>
public enum Role
{
    /// <summary>系统管理员: accounts and configuration (registry, alarm rules, background work); no roles, no audit trail.</summary>
    SystemAdministrator = 0,

    /// <summary>安全管理员: assigns roles and jurisdictions, issues and revokes API clients; reads no monitoring data.</summary>
    SecurityAdministrator = 1,

    /// <summary>审计管理员: reads and verifies the audit trail; changes nothing.</summary>
    AuditAdministrator = 2,

    /// <summary>数据审核: the review queue and decisions, with the quality findings, completeness and raw frames behind them.</summary>
    DataReviewer = 3,

    /// <summary>运维: stations, raw frames, ingest and network status, imports, set-aside work.</summary>
    NetworkOperator = 4,

    /// <summary>管理: evaluation, rankings and reports, completeness and an overview of alarms.</summary>
    Manager = 5,

    /// <summary>执法: alarms and their workflow, falsification evidence, permit limits.</summary>
    Enforcement = 6,

    /// <summary>企业用户: its own outlets' alarms, permit limits and completeness; nothing of other enterprises.</summary>
    EnterpriseUser = 7,

    /// <summary>部门接口: another department's system over the API (never a console session); a key carries a subset.</summary>
    DepartmentClient = 8,
}
