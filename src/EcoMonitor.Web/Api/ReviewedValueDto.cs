namespace EcoMonitor.Web.Api;

/// <summary>One value of the reviewed series: the original value with its current validity and why.</summary>
/// <param name="Parameter">HJ 212-2017 code.</param>
/// <param name="PeriodStart">+08:00.</param>
/// <param name="Value">The value as received (never changed by review).</param>
/// <param name="Flag">HJ 212 flag as received.</param>
/// <param name="Valid">Whether the value counts for evaluation.</param>
/// <param name="DecidedBy">automatic (the rules) or review (a reviewer's decision).</param>
/// <param name="Reason">Why it is invalid or what the reviewer said; null for a plain valid value.</param>
/// <param name="DecisionId">The review decision that decided it, if any.</param>
public sealed record ReviewedValueDto(string Parameter, string PeriodStart, decimal? Value, string Flag, bool Valid, string DecidedBy, string? Reason, long? DecisionId);
