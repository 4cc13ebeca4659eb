namespace EcoMonitor.Web.Security;

/// <summary>The first-run set-up: the token and the three separated administrators (三员分立).</summary>
/// <param name="Token">The token printed in the log at start (<c>ecs_…</c>).</param>
/// <param name="SystemAdministrator">系统管理员: accounts and configuration.</param>
/// <param name="SecurityAdministrator">安全管理员: roles, jurisdictions, API clients.</param>
/// <param name="AuditAdministrator">审计管理员: reads the audit trail.</param>
public sealed record SetUpInput(string? Token, SetUpPersonInput? SystemAdministrator, SetUpPersonInput? SecurityAdministrator, SetUpPersonInput? AuditAdministrator);
