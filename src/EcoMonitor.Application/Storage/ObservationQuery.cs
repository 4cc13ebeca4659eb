using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Storage;

/// <summary>A time-range query of one station's observations: period start in [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record ObservationQuery
{
    /// <summary>The station.</summary>
    public required StationId Station { get; init; }

    /// <summary>The interval kind.</summary>
    public required ObservationInterval Interval { get; init; }

    /// <summary>First period start included.</summary>
    public required Instant From { get; init; }

    /// <summary>First period start excluded.</summary>
    public required Instant To { get; init; }

    /// <summary>Parameters to return; empty means all.</summary>
    public IReadOnlyList<ParameterCode> Parameters { get; init; } = [];

    /// <summary>Upper bound on rows returned (the API pages with it).</summary>
    public int Limit { get; init; } = 100_000;
}
