namespace EcoMonitor.Web.Api;

/// <summary>
/// One review decision as posted to <c>POST /api/v1/review/decisions</c> (the body may be one object or an array: bulk).
/// </summary>
/// <param name="Station">MN.</param>
/// <param name="Interval">realTime, minute, hour (default) or day.</param>
/// <param name="Parameter">HJ 212-2017 code; omit for every parameter of the station.</param>
/// <param name="From">First period start covered (inclusive), ISO 8601 with offset or a date (00:00 CST).</param>
/// <param name="To">Period start where the range ends (exclusive).</param>
/// <param name="Verdict">valid or invalid.</param>
/// <param name="Reason">maintenance, calibration, fault, external-event, power-outage, communication, confirmed or other.</param>
/// <param name="Comment">Free text.</param>
public sealed record ReviewDecisionInput(string Station, string? Interval, string? Parameter, string From, string To, string Verdict, string Reason, string? Comment);
