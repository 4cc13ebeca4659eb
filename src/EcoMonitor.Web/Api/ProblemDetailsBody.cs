namespace EcoMonitor.Web.Api;

/// <summary>An RFC 9457 problem body for expected client errors (404, 400).</summary>
/// <param name="Title">Short summary.</param>
/// <param name="Detail">What exactly was wrong, readable by an operator.</param>
public sealed record ProblemDetailsBody(string Title, string? Detail);
