namespace EcoMonitor.Web.Api;

/// <summary>Result of registering stations: what was stored and what was refused (nothing is stored when any entry is refused).</summary>
/// <param name="Stored">Stations registered or replaced.</param>
/// <param name="Added">How many of them were new.</param>
/// <param name="Errors">Refused entries.</param>
public sealed record StationWriteResult(StationDto[] Stored, int Added, RegistryErrorDto[] Errors);
