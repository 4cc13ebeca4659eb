using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace EcoMonitor.Gateway;

/// <summary>
/// Reassembles split messages (Flag D set, PNUM &gt; 1) by MN + QN. Every sub-packet carries its own CP and is stored
/// and acknowledged on its own, so nothing acknowledged waits in memory; the tracker records which packet numbers of
/// a message arrived, lends the message's <c>DataTime</c> to a sub-packet that lacks one, and reports a message whose
/// packets did not all arrive within <see cref="GatewayOptions.SubPacketTimeout"/>. Thread-safe (one concurrent
/// dictionary; each entry is updated under its own lock).
/// </summary>
internal sealed class SubPacketTracker(IOptions<GatewayOptions> options, TimeProvider time, GatewayStats stats, ILogger<SubPacketTracker> logger)
{
    private readonly ConcurrentDictionary<(string Mn, string Qn), Message> _messages = new();
    private readonly Duration _timeout = options.Value.SubPacketTimeout.ToDuration();

    /// <summary>Messages still waiting for sub-packets.</summary>
    public int Pending => _messages.Count;

    /// <summary>
    /// Records sub-packet <paramref name="packetNumber"/> of <paramref name="packetCount"/>; returns the message's
    /// DataTime when this packet has none and an earlier one had it.
    /// </summary>
    public LocalDateTime? Track(string mn, string qn, int packetCount, int packetNumber, LocalDateTime? dataTime)
    {
        var now = time.GetUtcNow().ToInstant();
        Message message = _messages.GetOrAdd((mn, qn), static (_, state) => new Message(state.count, state.now), (count: packetCount, now));
        LocalDateTime? inherited;
        bool isComplete;
        lock (message)
        {
            message.Arrived(packetNumber);
            message.DataTime ??= dataTime;
            inherited = dataTime is null ? message.DataTime : null;
            isComplete = message.IsComplete;
        }

        if (isComplete && _messages.TryRemove((mn, qn), out _))
        {
            stats.MessageCompleted();
        }

        return inherited;
    }

    /// <summary>Reports and forgets the messages older than the timeout; returns how many.</summary>
    public int Sweep()
    {
        Instant cutoff = time.GetUtcNow().ToInstant() - _timeout;
        int expired = 0;
        foreach (KeyValuePair<(string Mn, string Qn), Message> entry in _messages)
        {
            if (entry.Value.FirstSeen < cutoff && _messages.TryRemove(entry.Key, out Message? message))
            {
                int received;
                lock (message)
                {
                    received = message.ReceivedCount;
                }

                GatewayLog.IncompleteMessage(logger, entry.Key.Mn, entry.Key.Qn, received, message.Count);
                stats.MessageIncomplete();
                expired++;
            }
        }

        return expired;
    }

    private sealed class Message(int count, Instant firstSeen)
    {
        private readonly bool[] _received = new bool[Math.Clamp(count, 1, 9999)];

        public int Count { get; } = count;
        public Instant FirstSeen { get; } = firstSeen;
        public int ReceivedCount { get; private set; }
        public LocalDateTime? DataTime { get; set; }
        public bool IsComplete => ReceivedCount == _received.Length;

        public void Arrived(int packetNumber)
        {
            int index = packetNumber - 1;
            if (index >= 0 && index < _received.Length && !_received[index])
            {
                _received[index] = true;
                ReceivedCount++;
            }
        }
    }
}
