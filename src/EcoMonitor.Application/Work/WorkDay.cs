using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Work;

/// <summary>
/// One station's values of one interval kind on one China Standard Time day: the unit in which committed changes wait
/// for the background workers (<see cref="IPendingWorkStore"/>).
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="Interval">The interval kind of the values.</param>
/// <param name="Day">The CST day of the values' period starts, within [0001-01-01, 9999-12-31].</param>
public readonly record struct WorkDay(StationId Station, ObservationInterval Interval, LocalDate Day)
{
    private const long MillisecondsPerDay = 86_400_000;
    private const long CstMilliseconds = 8 * 3_600_000;
    private static readonly LocalDate First = new(1, 1, 1);
    private static readonly LocalDate Last = new(9999, 12, 31);
    private static readonly long FirstEpochDay = First.ToDateOnly().DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly long LastEpochDay = Last.ToDateOnly().DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// The day of an observation. Never throws: the CST day is computed in whole milliseconds and kept within
    /// [0001-01-01, 9999-12-31] (a period the calendar cannot hold — hostile or broken input — counts on the nearest
    /// day there, where its work fails and is set aside with its error).
    /// </summary>
    public static WorkDay Of(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new WorkDay(observation.Station, observation.Interval, DayOf(observation.PeriodStart));
    }

    /// <summary>The CST day of <paramref name="periodStart"/>, kept within [0001-01-01, 9999-12-31].</summary>
    public static LocalDate DayOf(Instant periodStart)
    {
        long local = periodStart.ToUnixTimeMilliseconds() + CstMilliseconds;
        long epochDay = Math.Clamp(Math.DivRem(local, MillisecondsPerDay, out long rest) - (rest < 0 ? 1 : 0), FirstEpochDay, LastEpochDay);
        return LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)(epochDay + DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Station}/{Interval}/{Day:yyyy-MM-dd}";
}
