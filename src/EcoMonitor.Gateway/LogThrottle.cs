namespace EcoMonitor.Gateway;

/// <summary>
/// Lets one log line through per <see cref="Interval"/> and counts the events it held back, so that a flood (refused
/// connections, closed slow senders) is logged as a line every few seconds with a count, not a line per event.
/// Thread-safe (one lock; taken only on the refusal or close path).
/// </summary>
internal sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private long _lastLogged = long.MinValue;
    private long _held;

    /// <summary>The least time between two lines.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>
    /// Counts one event; true when its line should be written now, with <paramref name="held"/> events held back since
    /// the previous line (not counting this one).
    /// </summary>
    public bool TryEnter(out long held)
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < Interval)
            {
                _held++;
                held = 0;
                return false;
            }

            _lastLogged = now;
            held = _held;
            _held = 0;
            return true;
        }
    }
}
