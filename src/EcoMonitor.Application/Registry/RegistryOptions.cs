using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Registry;

/// <summary>Where the registry files are (configuration section <c>Registry</c>). Relative paths are taken from the
/// host's content root by the host that binds them.</summary>
public sealed class RegistryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Registry";

    /// <summary>The station registry file the seeder reads at start-up.</summary>
    [Required]
    public string StationsFile { get; set; } = "config/stations.json";

    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations when a station password is hashed (<see cref="Domain.StationPassword"/>). Each
    /// station costs one derivation when its password is set or first seeded and the gateway one per process and
    /// password (it remembers a success), so the default costs about 1–6 ms per station on one core. A hash keeps its
    /// own count: changing this applies to passwords set from then on.
    /// </summary>
    [Range(Domain.StationPassword.MinIterations, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 10_000;

    /// <summary>
    /// Administrative division codes accepted beyond the GB/T 2260 list shipped with the platform
    /// (<see cref="RegionCatalog"/>, 2019 boundaries): e.g. a county or district created since.
    /// </summary>
    public string[] ExtraRegionCodes { get; set; } = [];

    /// <summary>The parameter catalog file.</summary>
    [Required]
    public string ParametersFile { get; set; } = "config/parameters.json";
}
