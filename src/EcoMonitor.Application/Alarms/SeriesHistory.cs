using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The most recent values of one series (at most <see cref="Capacity"/> periods, ascending by period start), so the
/// per-observation pre-filter of flat-line and rate-of-rise rules can look at the neighbour a value is compared with
/// without reading the store. A revision replaces the value of its period; a value older than all of a full history is
/// not kept. Filled from the stream (<see cref="AlarmBacklog"/>) and from the series the engine read from the store.
/// Thread-safe (one lock per series, held for a few array operations; no allocation after construction).
/// </summary>
public sealed class SeriesHistory
{
    private readonly Lock _gate = new();
    private readonly Instant[] _periods;
    private readonly decimal?[] _values;
    private readonly DataFlag[] _flags;
    private int _count;

    /// <summary>Creates an empty history of <paramref name="capacity"/> periods.</summary>
    public SeriesHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _periods = new Instant[capacity];
        _values = new decimal?[capacity];
        _flags = new DataFlag[capacity];
    }

    /// <summary>Periods kept at most.</summary>
    public int Capacity => _periods.Length;

    /// <summary>Periods held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Records the value of <paramref name="period"/> as committed (replacing a value of the same period).</summary>
    public void Put(Instant period, decimal? value, DataFlag flag) => Add(period, value, flag, replace: true);

    /// <summary>Records the value of <paramref name="period"/> as read from the store, unless a value of that period is held (a newer revision may have arrived since the read).</summary>
    public void Fill(Instant period, decimal? value, DataFlag flag) => Add(period, value, flag, replace: false);

    private void Add(Instant period, decimal? value, DataFlag flag, bool replace)
    {
        lock (_gate)
        {
            int index = Find(period);
            if (index >= 0)
            {
                if (!replace)
                {
                    return;
                }

                _values[index] = value;
                _flags[index] = flag;
                return;
            }

            int insert = ~index;
            if (_count == _periods.Length)
            {
                if (insert == 0)
                {
                    return;
                }

                // Full: drop the oldest period to make room.
                Shift(1, 0, insert - 1);
                insert--;
                _count--;
            }
            else if (insert < _count)
            {
                Shift(insert, insert + 1, _count - insert);
            }

            _periods[insert] = period;
            _values[insert] = value;
            _flags[insert] = flag;
            _count++;
        }
    }

    /// <summary>The value held for <paramref name="period"/>, if any.</summary>
    public bool TryGet(Instant period, out decimal? value, out DataFlag flag)
    {
        lock (_gate)
        {
            int index = Find(period);
            if (index < 0)
            {
                value = null;
                flag = default;
                return false;
            }

            value = _values[index];
            flag = _flags[index];
            return true;
        }
    }

    private int Find(Instant period)
    {
        int low = 0;
        int high = _count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int order = _periods[middle].CompareTo(period);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    private void Shift(int from, int to, int length)
    {
        Array.Copy(_periods, from, _periods, to, length);
        Array.Copy(_values, from, _values, to, length);
        Array.Copy(_flags, from, _flags, to, length);
    }
}
