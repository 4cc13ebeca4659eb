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

    /// <summary>Completeness: a value is on time when received at most this many minutes after its period's end (default 60).</summary>
    [Range(0, 10_080)]
    public int OnTimeDelayMinutes { get; set; } = 60;

    /// <summary>Completeness: a gap of at least this many consecutive periods without any value is an offline period (default 3).</summary>
    [Range(1, 10_000)]
    public int OfflineMinPeriods { get; set; } = 3;
}
