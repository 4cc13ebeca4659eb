using EcoMonitor.Application.Quality;

namespace EcoMonitor.Web.Api;

/// <summary>A stored review decision.</summary>
/// <param name="Id">Decision id (later ids win over earlier ones for the values they both cover).</param>
/// <param name="Station">MN.</param>
/// <param name="Interval">Interval kind.</param>
/// <param name="Parameter">Parameter code, or * for all.</param>
/// <param name="From">First period start covered, +08:00.</param>
/// <param name="To">End of the range (exclusive), +08:00.</param>
/// <param name="Verdict">valid or invalid.</param>
/// <param name="Reason">Reason code.</param>
/// <param name="Comment">Comment.</param>
/// <param name="Reviewer">Who decided.</param>
/// <param name="DecidedAt">When, +08:00.</param>
/// <param name="AuditSequence">Its audit-trail entry.</param>
public sealed record ReviewDecisionDto(
    long Id, string Station, string Interval, string Parameter, string From, string To, string Verdict, string Reason, string? Comment,
    string Reviewer, string DecidedAt, long AuditSequence)
{
    /// <summary>Maps a stored decision.</summary>
    public static ReviewDecisionDto Of(ReviewDecision d) => new(
        d.Id, d.Station.Value, IntervalName(d.Interval), d.Parameter?.Value ?? "*", ApiTime.Format(d.Periods.Start), ApiTime.Format(d.Periods.End),
        d.Verdict == ReviewVerdict.Valid ? "valid" : "invalid", d.ReasonCode, d.Comment, d.Reviewer, ApiTime.Format(d.DecidedAt), d.AuditSequence);

    /// <summary>The API name of an interval kind.</summary>
    public static string IntervalName(EcoMonitor.Domain.ObservationInterval interval) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(interval.ToString());
}
