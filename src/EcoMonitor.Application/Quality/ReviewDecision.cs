using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// A reviewer's decision about a station's values of one interval kind with period start in <see cref="Periods"/>: of
/// one parameter, or of all (<see cref="Parameter"/> null). Decisions are append-only; for a value, the latest decision
/// covering it (highest <see cref="Id"/>) is its reviewed state. Never changes the values themselves.
/// </summary>
public sealed record ReviewDecision
{
    /// <summary>Store-assigned, increasing; 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>The station.</summary>
    public required StationId Station { get; init; }

    /// <summary>The interval kind.</summary>
    public required ObservationInterval Interval { get; init; }

    /// <summary>One parameter, or null for every parameter of the station.</summary>
    public ParameterCode? Parameter { get; init; }

    /// <summary>Period starts covered (start inclusive, end exclusive).</summary>
    public required Interval Periods { get; init; }

    /// <summary>Valid or invalid.</summary>
    public required ReviewVerdict Verdict { get; init; }

    /// <summary>Reason code (<see cref="ReviewReasons"/>).</summary>
    public required string ReasonCode { get; init; }

    /// <summary>The reviewer's comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Who decided (authenticated user name).</summary>
    public required string Reviewer { get; init; }

    /// <summary>When it was stored (set by the store).</summary>
    public Instant DecidedAt { get; init; }

    /// <summary>Sequence number of its audit-trail entry (set by the store, same transaction).</summary>
    public long AuditSequence { get; init; }

    /// <summary>True when the decision covers this value.</summary>
    public bool Covers(ParameterCode parameter, ObservationInterval interval, Instant periodStart) =>
        interval == Interval && (Parameter is null || Parameter == parameter) && Periods.Contains(periodStart);
}
