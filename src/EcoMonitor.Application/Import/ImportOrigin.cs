namespace EcoMonitor.Application.Import;

/// <summary>Who imports what: the actor of the import's audit entry and the source it names (docs/audit.md).</summary>
/// <param name="Actor">The signed-in user or API key, or a component (<c>system:samples</c>, <c>cli:import:&lt;user&gt;</c>).</param>
/// <param name="Source">What was imported, operator-readable: a file name, or the endpoint and media type of a request.</param>
public sealed record ImportOrigin(string Actor, string Source);
