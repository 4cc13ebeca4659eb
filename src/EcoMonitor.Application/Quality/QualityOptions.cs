using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Quality;

/// <summary>Automatic quality checks (configuration section <c>Quality</c>).</summary>
public sealed class QualityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Quality";

    /// <summary>The rules file (docs/quality.md), relative to the current directory.</summary>
    [Required]
    public string RulesFile { get; set; } = "config/quality-rules.json";
}
