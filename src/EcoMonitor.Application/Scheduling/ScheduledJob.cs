using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>
/// A job that runs once per slot across every node: the slots are the job's <see cref="Interval"/> counted from the
/// Unix epoch (UTC), so every node computes the same slot for the same moment. Immutable.
/// </summary>
public sealed record ScheduledJob
{
    public ScheduledJob(string name, TimeSpan interval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(10));
        Name = name;
        Interval = interval;
    }

    /// <summary>The job's name in the run table, e.g. <c>storage.partitions</c>.</summary>
    public string Name { get; }

    public TimeSpan Interval { get; }

    /// <summary>The start of the slot <paramref name="now"/> falls in.</summary>
    public Instant SlotOf(Instant now)
    {
        long ticks = now.ToUnixTimeTicks();
        long remainder = ticks % Interval.Ticks;
        return Instant.FromUnixTimeTicks(ticks - (remainder < 0 ? remainder + Interval.Ticks : remainder));
    }
}
