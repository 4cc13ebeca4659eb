namespace EcoMonitor.Web.Api;

/// <summary>The body of <c>POST /api/v1/reports</c>.</summary>
/// <param name="Kind"><c>daily-bulletin</c>, <c>monthly-air</c>, <c>annual-air</c> or <c>monthly-water</c>.</param>
/// <param name="Region">A province or city region code in the caller's jurisdiction.</param>
/// <param name="Period"><c>yyyy-MM-dd</c> (daily bulletin) or <c>yyyy-MM</c> (monthly reports).</param>
public sealed record ReportGenerateInput(string? Kind, string? Region, string? Period);
