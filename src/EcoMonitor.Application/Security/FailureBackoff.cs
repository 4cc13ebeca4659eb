namespace EcoMonitor.Application.Security;

/// <summary>
/// Slows down guessing: per key (an MN, a user name, a client address), the first
/// <see cref="FailureBackoffOptions.FreeFailures"/> failures within the window cost nothing; after that every attempt
/// of the key gets a turn, each turn <c>FirstDelay × 2^(failures − free)</c> (at most <c>MaxDelay</c>) after the
/// previous one, and the caller waits for its turn before the credential is checked. Turns are handed out in order,
/// so parallel attempts of one key (many connections) are spaced like sequential ones: one key gets at most one
/// attempt per <c>MaxDelay</c> once the cap is reached; an attempt whose turn would lie more than <c>MaxDelay</c> ahead
/// gets none (<see cref="Reserve"/> returns null: refuse it unchecked), so waiting attempts never queue up beyond one
/// delay. A success clears the key. Memory is bounded by <see cref="FailureBackoffOptions.MaxKeys"/>: when it is
/// reached the expired keys go, and if that is not enough the tenth that failed longest ago (a key that is not tracked
/// is never held back by others' failures). Thread-safe (one lock; each call is a few dictionary operations, an
/// eviction amortised over the tenth of the keys it frees).
/// </summary>
public sealed class FailureBackoff
{
    private readonly FailureBackoffOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates a backoff with <paramref name="options"/> (read once).</summary>
    public FailureBackoff(FailureBackoffOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Keys with failures being tracked.</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Failures of <paramref name="key"/> within the window.</summary>
    public int Failures(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return Find(key, Now()) is { } entry ? entry.Failures : 0;
        }
    }

    /// <summary>
    /// Takes the next turn of <paramref name="key"/>: how long the caller must wait before checking this attempt's
    /// credential (zero while the key has no more than the free failures); null when the turn would lie more than
    /// <c>MaxDelay</c> ahead (the key's attempts are already queued that far): the attempt gets no turn and should be
    /// refused unchecked.
    /// </summary>
    public TimeSpan? Reserve(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        long now = Now();
        lock (_gate)
        {
            if (Find(key, now) is not { } entry || entry.Failures < _options.FreeFailures)
            {
                return TimeSpan.Zero;
            }

            long turn = Math.Max(entry.NextTurn, now);
            if (turn - now > _options.MaxDelay.Ticks)
            {
                return null;
            }

            entry.NextTurn = turn + DelayTicks(entry.Failures);
            return TimeSpan.FromTicks(turn - now);
        }
    }

    /// <summary>
    /// For callers that refuse rather than wait (HTTP answers 429): takes the key's turn when it is due and returns
    /// true; otherwise returns false with how long until it is due, and takes nothing (refused attempts do not push the
    /// key's turn further out).
    /// </summary>
    public bool TryTakeTurn(string key, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        long now = Now();
        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            if (Find(key, now) is not { } entry || entry.Failures < _options.FreeFailures)
            {
                return true;
            }

            if (entry.NextTurn > now)
            {
                retryAfter = TimeSpan.FromTicks(entry.NextTurn - now);
                return false;
            }

            entry.NextTurn = now + DelayTicks(entry.Failures);
            return true;
        }
    }

    /// <summary>Counts a failure of <paramref name="key"/>; returns its failures within the window.</summary>
    public int Failed(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        long now = Now();
        lock (_gate)
        {
            Entry entry = Find(key, now) ?? Add(key, now);
            entry.Failures++;
            entry.LastFailure = now;
            if (entry.Failures >= _options.FreeFailures)
            {
                // The key's next attempt waits at least the delay its failures now earn.
                entry.NextTurn = Math.Max(entry.NextTurn, now + DelayTicks(entry.Failures));
            }

            return entry.Failures;
        }
    }

    /// <summary>Forgets <paramref name="key"/>'s failures (the right credential was given).</summary>
    public void Succeeded(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            _entries.Remove(key);
        }
    }

    private long DelayTicks(int failures)
    {
        int doublings = Math.Clamp(failures - _options.FreeFailures, 0, 62);
        double delay = _options.FirstDelay.Ticks * Math.Pow(2, doublings);
        return delay >= _options.MaxDelay.Ticks ? _options.MaxDelay.Ticks : (long)delay;
    }

    private Entry? Find(string key, long now)
    {
        if (!_entries.TryGetValue(key, out Entry? entry))
        {
            return null;
        }

        if (now - entry.LastFailure > _options.Window.Ticks)
        {
            _entries.Remove(key);
            return null;
        }

        return entry;
    }

    private Entry Add(string key, long now)
    {
        if (_entries.Count >= _options.MaxKeys)
        {
            Evict(now);
        }

        var entry = new Entry { LastFailure = now };
        _entries[key] = entry;
        return entry;
    }

    /// <summary>Frees at least a tenth of <see cref="FailureBackoffOptions.MaxKeys"/>: the expired keys, then those that failed longest ago.</summary>
    private void Evict(long now)
    {
        long expiredBefore = now - _options.Window.Ticks;
        int toFree = Math.Max(1, _options.MaxKeys / 10);
        string[] oldest = [.. _entries.OrderBy(e => e.Value.LastFailure).Take(toFree).Select(e => e.Key)];
        foreach (KeyValuePair<string, Entry> old in _entries)
        {
            if (old.Value.LastFailure < expiredBefore)
            {
                _entries.Remove(old.Key);
            }
        }

        for (int i = 0; i < oldest.Length && _entries.Count > _options.MaxKeys - toFree; i++)
        {
            _entries.Remove(oldest[i]);
        }
    }

    private long Now() => _time.GetUtcNow().UtcTicks;

    private sealed class Entry
    {
        public int Failures { get; set; }

        public long LastFailure { get; set; }

        public long NextTurn { get; set; }
    }
}
