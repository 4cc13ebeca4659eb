namespace EcoMonitor.Web.Api;

/// <summary>Result of registering stations: what was stored (a refusal is a problem, and stores nothing).</summary>
/// <param name="Stored">Stations registered or replaced.</param>
/// <param name="Added">How many of them were new.</param>
public sealed record StationWriteResult(StationDto[] Stored, int Added);
