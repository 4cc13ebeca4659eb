namespace EcoMonitor.Web.Api;

/// <summary>The body of marking a dust day.</summary>
/// <param name="Note">Why (the dust event, the source of the judgement), at most 500 characters; may be empty.</param>
public sealed record DustDayInput(string? Note);
