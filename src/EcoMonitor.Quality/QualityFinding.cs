using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>
/// One rule's verdict on one value: which value (station, parameter, interval, period start), which rule
/// (<see cref="QualityRuleIds"/>), how severe and why, in words an operator can act on.
/// </summary>
public sealed record QualityFinding
{
    /// <summary>The station.</summary>
    public required StationId Station { get; init; }

    /// <summary>The parameter.</summary>
    public required ParameterCode Parameter { get; init; }

    /// <summary>The interval kind.</summary>
    public required ObservationInterval Interval { get; init; }

    /// <summary>The value's period start.</summary>
    public required Instant PeriodStart { get; init; }

    /// <summary>Rule id, e.g. <c>range.physical</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>What the finding does to the value.</summary>
    public required QualitySeverity Severity { get; init; }

    /// <summary>Why, e.g. "PM2.5 = 1200 µg/m³ is above the plausible maximum 1000 µg/m³".</summary>
    public required string Reason { get; init; }

    /// <summary>A finding about <paramref name="observation"/>.</summary>
    public static QualityFinding Of(Observation observation, string rule, QualitySeverity severity, string reason)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new QualityFinding
        {
            Station = observation.Station, Parameter = observation.Parameter, Interval = observation.Interval,
            PeriodStart = observation.PeriodStart, Rule = rule, Severity = severity, Reason = reason,
        };
    }
}
