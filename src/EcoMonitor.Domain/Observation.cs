using NodaTime;

namespace EcoMonitor.Domain;

/// <summary>
/// One value of one parameter at one station for one period. Identified by
/// (<see cref="Station"/>, <see cref="Parameter"/>, <see cref="Interval"/>, <see cref="PeriodStart"/>); a later
/// observation with the same key and a different value is a new revision — the store keeps the earlier one.
/// Values are decimals as transmitted (no binary rounding); units are the parameter's.
/// </summary>
public sealed record Observation
{
    /// <summary>The station (MN).</summary>
    public required StationId Station { get; init; }

    /// <summary>HJ 212-2017 parameter code.</summary>
    public required ParameterCode Parameter { get; init; }

    /// <summary>Real-time, minute, hour or day.</summary>
    public required ObservationInterval Interval { get; init; }

    /// <summary>Start of the period covered (inclusive), always the start whatever the source's labelling.</summary>
    public required Instant PeriodStart { get; init; }

    /// <summary>The value (Rtd for real-time, Avg for statistics); null when only flags or totals were sent.</summary>
    public decimal? Value { get; init; }

    /// <summary>Minimum over the period (-Min), if sent.</summary>
    public decimal? Min { get; init; }

    /// <summary>Maximum over the period (-Max), if sent.</summary>
    public decimal? Max { get; init; }

    /// <summary>Cumulative amount over the period (-Cou, e.g. emitted mass or flow volume), if sent.</summary>
    public decimal? Total { get; init; }

    /// <summary>Converted (折算) value (-ZsRtd / -ZsAvg) for outlets, if sent.</summary>
    public decimal? ConvertedValue { get; init; }

    /// <summary>The data flag as sent (-Flag, e.g. N, F, M, S, D, C, T, B); default N when none was sent.</summary>
    public DataFlag Flag { get; init; } = DataFlag.Normal;

    /// <summary>How it arrived.</summary>
    public ObservationSource Source { get; init; } = ObservationSource.Hj212;

    /// <summary>When the platform received it.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>True when the payload (value, min, max, total, converted, flag) equals <paramref name="other"/>'s.</summary>
    public bool HasSamePayload(Observation other) =>
        Value == other.Value && Min == other.Min && Max == other.Max && Total == other.Total
        && ConvertedValue == other.ConvertedValue && Flag == other.Flag;
}
