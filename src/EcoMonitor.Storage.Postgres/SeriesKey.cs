using EcoMonitor.Domain;

namespace EcoMonitor.Storage.Postgres;

/// <summary>What a series is: one parameter of one station at one interval.</summary>
internal readonly record struct SeriesKey(StationId Station, ParameterCode Parameter, ObservationInterval Interval);
