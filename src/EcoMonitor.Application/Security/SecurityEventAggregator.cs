using EcoMonitor.Application.Audit;
using NodaTime;

namespace EcoMonitor.Application.Security;

/// <summary>
/// Turns security events into audit records and bursts (<see cref="SecurityEventLog"/>'s pure part): the first event
/// of a kind, subject and address in an aggregation window becomes a record at once, the rest of the window one
/// <c>….repeated</c> record with the count when it closes; failures of one subject or one address reaching the burst
/// threshold within the burst window make one <see cref="SecurityBurst"/> per window. Memory is bounded by
/// <see cref="SecurityEventOptions.MaxTrackedKeys"/> (beyond it, events are folded into one window per kind).
/// Not thread-safe: one caller.
/// </summary>
internal sealed class SecurityEventAggregator(SecurityEventOptions options)
{
    private const int MaxOthers = 10;
    private const string Overflow = "*";
    /// <summary>The subject recorded for an event whose subject was blank.</summary>
    public const string BlankSubject = "(blank)";

    private readonly Dictionary<(SecurityEventKind Kind, string Subject, string? Address), Window> _windows = [];
    // Keyed by what is counted: a subject of one type (a user's failed and throttled sign-ins together) or an address (every kind).
    private readonly Dictionary<(string Type, string Key), BurstCounter> _bursts = [];

    /// <summary>Windows open (for tests and limits).</summary>
    public int OpenWindows => _windows.Count;

    /// <summary>Adds one event: appends the records and bursts it causes.</summary>
    public void Add(SecurityEvent e, List<AuditRecord> records, List<SecurityBurst> bursts)
    {
        // A blank subject (a sign-in without a name, a frame without an MN) is still an event: recorded under a name that says so.
        string subject = string.IsNullOrWhiteSpace(e.Subject) ? BlankSubject : e.Subject.Length <= 64 ? e.Subject : e.Subject[..64];
        var key = (e.Kind, subject, e.Address);
        if (!_windows.TryGetValue(key, out Window? window) && _windows.Count >= options.MaxTrackedKeys)
        {
            key = (e.Kind, Overflow, null);
            _windows.TryGetValue(key, out window);
        }

        if (window is null || e.At - window.Start >= Duration.FromTimeSpan(options.AggregationWindow))
        {
            if (window is not null)
            {
                Close(key, window, records);
            }

            _windows[key] = new Window(e.At);
            records.Add(Record(e.Kind, key.Item2, key.Item3, e.Detail));
        }
        else
        {
            window.Repeats++;
            window.Last = e.At;
        }

        if (SecurityEventCodes.IsFailure(e.Kind))
        {
            Count(e.Kind, false, subject, e.Address, e.At, bursts);
            if (e.Address is not null)
            {
                Count(e.Kind, true, e.Address, subject, e.At, bursts);
            }
        }
    }

    /// <summary>Closes the windows that ended before <paramref name="now"/>, appending their <c>….repeated</c> records; forgets old burst counters.</summary>
    public void Flush(Instant now, List<AuditRecord> records)
    {
        var aggregation = Duration.FromTimeSpan(options.AggregationWindow);
        foreach (var open in _windows)
        {
            if (now - open.Value.Start >= aggregation)
            {
                Close(open.Key, open.Value, records);
                _windows.Remove(open.Key);
            }
        }

        var burstWindow = Duration.FromTimeSpan(options.BurstWindow);
        foreach (var counter in _bursts)
        {
            if (now - counter.Value.Start >= burstWindow)
            {
                _bursts.Remove(counter.Key);
            }
        }
    }

    private void Count(SecurityEventKind kind, bool isByAddress, string key, string? other, Instant at, List<SecurityBurst> bursts)
    {
        var counterKey = (isByAddress ? "address" : SecurityEventCodes.SubjectType(kind), key);
        if (!_bursts.TryGetValue(counterKey, out BurstCounter? counter) || at - counter.Start >= Duration.FromTimeSpan(options.BurstWindow))
        {
            if (counter is null && _bursts.Count >= options.MaxTrackedKeys)
            {
                return;
            }

            counter = new BurstCounter(at);
            _bursts[counterKey] = counter;
        }

        counter.Failures++;
        if (other is not null && counter.Others.Count < MaxOthers)
        {
            counter.Others.Add(other);
        }

        if (counter.Failures == options.BurstThreshold)
        {
            bursts.Add(new SecurityBurst(kind, isByAddress, key, counter.Failures, counter.Start, at, [.. counter.Others.Order(StringComparer.Ordinal)]));
        }
    }

    private static void Close((SecurityEventKind Kind, string Subject, string? Address) key, Window window, List<AuditRecord> records)
    {
        if (window.Repeats == 0)
        {
            return;
        }

        records.Add(new AuditRecord(Actor(key.Kind, key.Subject), SecurityEventCodes.Repeated(key.Kind), SecurityEventCodes.SubjectType(key.Kind), key.Subject)
        {
            Address = key.Address,
            After = AuditJson.Serialize(new { repeats = window.Repeats, from = window.Start.ToString(), to = window.Last.ToString() }),
        });
    }

    private static AuditRecord Record(SecurityEventKind kind, string subject, string? address, string? detail) =>
        new(Actor(kind, subject), SecurityEventCodes.Action(kind), SecurityEventCodes.SubjectType(kind), subject)
        {
            Address = address,
            Reason = detail,
        };

    private static string Actor(SecurityEventKind kind, string subject) =>
        SecurityEventCodes.IsFailure(kind) || subject == Overflow ? SecurityEventCodes.Anonymous : subject;

    private sealed class Window(Instant start)
    {
        public Instant Start { get; } = start;

        public Instant Last { get; set; } = start;

        public int Repeats { get; set; }
    }

    private sealed class BurstCounter(Instant start)
    {
        public Instant Start { get; } = start;

        public int Failures { get; set; }

        public HashSet<string> Others { get; } = new(StringComparer.Ordinal);
    }
}
