using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>One value of a series as the alarm evaluation sees it.</summary>
/// <param name="PeriodStart">Start of the period the value covers.</param>
/// <param name="Value">The value (null when the station sent none).</param>
/// <param name="Flag">The HJ 212 data flag.</param>
/// <param name="Review">The latest reviewer's verdict covering the value (数据审核), or null when none was given.</param>
public readonly record struct AlarmSample(Instant PeriodStart, decimal? Value, DataFlag Flag, ReviewVerdict? Review = null)
{
    /// <summary>True when the value counts as valid data: the reviewer's verdict if there is one, else flag N.</summary>
    public bool IsValid => Review switch
    {
        ReviewVerdict.Valid => true,
        ReviewVerdict.Invalid => false,
        _ => Flag == DataFlag.Normal,
    };

    /// <summary>A sample of an observation.</summary>
    public static AlarmSample From(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new AlarmSample(observation.PeriodStart, observation.Value, observation.Flag);
    }

    /// <summary>A sample of an observation with the latest of <paramref name="decisions"/> (oldest first) that covers it.</summary>
    public static AlarmSample From(Observation observation, IReadOnlyList<ReviewDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(decisions);
        for (int i = decisions.Count - 1; i >= 0; i--)
        {
            if (decisions[i].Covers(observation.Parameter, observation.Interval, observation.PeriodStart))
            {
                return new AlarmSample(observation.PeriodStart, observation.Value, observation.Flag, decisions[i].Verdict);
            }
        }

        return From(observation);
    }
}
