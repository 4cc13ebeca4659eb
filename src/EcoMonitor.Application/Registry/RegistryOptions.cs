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

    /// <summary>The parameter catalog file.</summary>
    [Required]
    public string ParametersFile { get; set; } = "config/parameters.json";
}
