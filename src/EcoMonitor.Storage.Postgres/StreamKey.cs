using EcoMonitor.Domain;

namespace EcoMonitor.Storage.Postgres;

/// <summary>What a stream is: all parameters of one station at one interval (one row of <c>observation</c> per period).</summary>
internal readonly record struct StreamKey(StationId Station, ObservationInterval Interval);
