namespace EcoMonitor.Application.Registry;

/// <summary>What one seeding run did.</summary>
/// <param name="Accepted">Valid stations written to the store.</param>
/// <param name="Added">Of those, how many the store did not hold before.</param>
/// <param name="Errors">Rejected entries (each also logged).</param>
public sealed record RegistrySeedResult(int Accepted, int Added, IReadOnlyList<RegistryEntryError> Errors);
