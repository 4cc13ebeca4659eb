using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>The valid stations of a registry file and why the other entries were rejected.</summary>
/// <param name="Stations">Valid stations, in file order.</param>
/// <param name="Errors">Every problem found, in file order; an entry may have several.</param>
public sealed record StationRegistryParseResult(IReadOnlyList<Station> Stations, IReadOnlyList<RegistryEntryError> Errors);
