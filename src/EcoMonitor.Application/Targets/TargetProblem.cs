namespace EcoMonitor.Application.Targets;

/// <summary>Why one field of a region's targets is refused.</summary>
/// <param name="Field">The field as a JSON path of the request body, e.g. <c>$.pm25</c> or <c>$.sections.SW5202</c>.</param>
/// <param name="Reason">Why, in English, for the 400's <c>errors</c>.</param>
public sealed record TargetProblem(string Field, string Reason);
