namespace EcoMonitor.Application.Work;

/// <summary>
/// The versions of one pending row (<see cref="DayChange"/>) that this node's commits produced and its worker has not
/// yet marked completed: sorted, disjoint, adjacent ranges merged. Not thread-safe (owned by a <see cref="PendingWork{TItem}"/>
/// until taken, then by the pass).
/// </summary>
public sealed class DayProgress
{
    private readonly List<(long From, long To)> _ranges = [];

    /// <summary>Creates the progress of row <paramref name="id"/> of <paramref name="day"/>.</summary>
    public DayProgress(WorkDay day, long id)
    {
        Day = day;
        Id = id;
    }

    /// <summary>The station-day.</summary>
    public WorkDay Day { get; }

    /// <summary>The pending row.</summary>
    public long Id { get; }

    /// <summary>The versions held, as ranges in ascending order.</summary>
    public IReadOnlyList<(long From, long To)> Ranges => _ranges;

    /// <summary>The highest version held (0 when none).</summary>
    public long Latest => _ranges.Count == 0 ? 0 : _ranges[^1].To;

    /// <summary>Adds versions <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Add(long from, long to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        int at = 0;
        while (at < _ranges.Count && _ranges[at].To < from - 1)
        {
            at++;
        }

        // Merge every range that overlaps or touches [from, to].
        while (at < _ranges.Count && _ranges[at].From <= to + 1)
        {
            from = Math.Min(from, _ranges[at].From);
            to = Math.Max(to, _ranges[at].To);
            _ranges.RemoveAt(at);
        }

        _ranges.Insert(at, (from, to));
    }

    /// <summary>Adds every version <paramref name="other"/> holds.</summary>
    public void AddAll(DayProgress other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach ((long from, long to) in other._ranges)
        {
            Add(from, to);
        }
    }
}
