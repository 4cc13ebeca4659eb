using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>One value of a series as the alarm evaluation sees it.</summary>
/// <param name="PeriodStart">Start of the period the value covers.</param>
/// <param name="Value">The value (null when the station sent none).</param>
/// <param name="Flag">The HJ 212 data flag.</param>
public readonly record struct AlarmSample(Instant PeriodStart, decimal? Value, DataFlag Flag)
{
    /// <summary>A sample of an observation.</summary>
    public static AlarmSample From(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new AlarmSample(observation.PeriodStart, observation.Value, observation.Flag);
    }
}
