namespace EcoMonitor.Web.Api;

/// <summary>A key to issue to another department's or system's client.</summary>
/// <param name="Name">What the client is, unique (1–64 characters, e.g. 省水利厅水文数据交换).</param>
/// <param name="Owner">The department or system that holds the key (1–128 characters).</param>
/// <param name="Permissions">What the key may do: dotted names among the department client role's (<c>alarms.read</c>, <c>completeness.read</c>, <c>quality.read</c>, <c>import.write</c>).</param>
/// <param name="Jurisdiction">The region code (6 digits) whose stations the key sees.</param>
/// <param name="ValidDays">Days until the key stops working (1 to <c>ApiClients:MaxLifetime</c>, 730 by default).</param>
/// <param name="RequestsPerSecond">The key's rate (1–1000); omitted: <c>ApiClients:DefaultRequestsPerSecond</c>.</param>
/// <param name="Burst">Requests at once after a quiet spell (1–10000); omitted: <c>ApiClients:DefaultBurst</c>.</param>
public sealed record ApiClientIssueInput(
    string? Name, string? Owner, IReadOnlyList<string>? Permissions, string? Jurisdiction, int? ValidDays, int? RequestsPerSecond, int? Burst);
