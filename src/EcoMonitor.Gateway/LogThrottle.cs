using System.Net;

namespace EcoMonitor.Gateway;

/// <summary>
/// Lets one log line through per <see cref="Interval"/> and counts the events it holds back, so that a flood (refused
/// connections, closed slow senders) is logged as a line every few seconds with a count, not a line per event; what
/// was held back is reported by the next event after the interval or by <see cref="TryFlush"/> (the sweeper), so no
/// count is lost when the flood stops. Thread-safe (one lock; taken only on the refusal or close path).
/// </summary>
internal sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private long _lastLogged = long.MinValue;
    private long _held;
    private EndPoint? _latest;

    /// <summary>The least time between two lines.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>
    /// Counts one event from <paramref name="from"/>; true when a line should be written now for <paramref name="count"/>
    /// events (this one and those held back since the previous line).
    /// </summary>
    public bool TryEnter(EndPoint? from, out long count)
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            _held++;
            _latest = from;
            return TryTake(now, out count);
        }
    }

    /// <summary>True when events are held back and the interval has passed: write a line for <paramref name="count"/> of them, the latest from <paramref name="latest"/>.</summary>
    public bool TryFlush(out long count, out EndPoint? latest)
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            latest = _latest;
            if (_held == 0)
            {
                count = 0;
                return false;
            }

            return TryTake(now, out count);
        }
    }

    private bool TryTake(long now, out long count)
    {
        if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < Interval)
        {
            count = 0;
            return false;
        }

        _lastLogged = now;
        count = _held;
        _held = 0;
        return true;
    }
}
