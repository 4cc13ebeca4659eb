using EcoMonitor.Quality;

namespace EcoMonitor.Web.Api;

/// <summary>One automatic check's finding on one value.</summary>
/// <param name="Parameter">HJ 212-2017 parameter code.</param>
/// <param name="PeriodStart">The value's period start, ISO 8601 +08:00.</param>
/// <param name="Rule">Rule id (docs/quality.md), e.g. <c>series.flatline</c>.</param>
/// <param name="Severity">marked (kept, marked), suspect (kept, to review) or invalid (excluded from evaluation).</param>
/// <param name="Reason">Why, readable by an operator.</param>
public sealed record QualityFindingDto(string Parameter, string PeriodStart, string Rule, string Severity, string Reason)
{
    /// <summary>Maps a finding.</summary>
    public static QualityFindingDto From(QualityFinding f) =>
        new(f.Parameter.Value, ApiTime.Format(f.PeriodStart), f.Rule, SeverityName(f.Severity), f.Reason);

    /// <summary>The API name of a severity.</summary>
    public static string SeverityName(QualitySeverity severity) => severity switch
    {
        QualitySeverity.Marked => "marked",
        QualitySeverity.Suspect => "suspect",
        QualitySeverity.Invalid => "invalid",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
