using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Storage;

/// <summary>The identity of an observation in the store.</summary>
public readonly record struct ObservationKey(StationId Station, ParameterCode Parameter, ObservationInterval Interval, Instant PeriodStart)
{
    /// <summary>The key of an observation.</summary>
    public static ObservationKey Of(Observation observation) =>
        new(observation.Station, observation.Parameter, observation.Interval, observation.PeriodStart);
}
