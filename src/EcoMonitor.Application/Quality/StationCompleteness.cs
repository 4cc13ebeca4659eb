using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Completeness and timeliness of one station over a window (docs/quality.md, "Completeness and timeliness"). Counts
/// are of values (a parameter in a period) of the expected parameters, except the period counts.
/// </summary>
public sealed record StationCompleteness
{
    /// <summary>The station.</summary>
    public required Station Station { get; init; }

    /// <summary>The window: period starts in [start, end).</summary>
    public required Interval Window { get; init; }

    /// <summary>The parameters expected in every period (air: the six HJ 633 pollutants; others: those the station sent in the window).</summary>
    public required IReadOnlyList<ParameterCode> ExpectedParameters { get; init; }

    /// <summary>Periods in the window (hourly: 24 per day).</summary>
    public required int ExpectedPeriods { get; init; }

    /// <summary>Periods with at least one value of an expected parameter.</summary>
    public required int ReceivedPeriods { get; init; }

    /// <summary>Expected periods × expected parameters (at least one parameter, so that a silent station counts its periods).</summary>
    public required int ExpectedValues { get; init; }

    /// <summary>Values received (stored), whatever their quality.</summary>
    public required int ReceivedValues { get; init; }

    /// <summary>Received values not excluded by an invalid quality finding or a reviewer's "invalid".</summary>
    public required int ValidValues { get; init; }

    /// <summary>Received values whose receive time is at most the on-time delay after their period's end.</summary>
    public required int OnTimeValues { get; init; }

    /// <summary>Gaps of at least the configured number of consecutive periods without any value.</summary>
    public required IReadOnlyList<OfflinePeriod> Offline { get; init; }

    /// <summary>The latest period start with a value in the window; null when none.</summary>
    public Instant? LastPeriodStart { get; init; }

    /// <summary>When the latest value of the window was received; null when none.</summary>
    public Instant? LastReceivedAt { get; init; }

    /// <summary>有效数据获取率: valid values / expected values (0…1); null when nothing is expected.</summary>
    public decimal? ValidRate => CompletenessCalculator.Rate(ValidValues, ExpectedValues);

    /// <summary>Received values / expected values (0…1); null when nothing is expected.</summary>
    public decimal? ReceivedRate => CompletenessCalculator.Rate(ReceivedValues, ExpectedValues);

    /// <summary>On-time values / received values (0…1); null when nothing was received.</summary>
    public decimal? OnTimeRate => CompletenessCalculator.Rate(OnTimeValues, ReceivedValues);
}
