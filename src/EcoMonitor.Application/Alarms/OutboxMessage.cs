using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A notification waiting in the durable outbox (written in the same transaction as the alarm step that caused it,
/// so a failing endpoint or a crash never loses it). <see cref="DedupKey"/> is unique: the same alarm event is never
/// queued twice for a channel.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>Store-assigned id.</summary>
    public long Id { get; init; }

    /// <summary>The alarm (filled in by the store when the alarm is new).</summary>
    public long AlarmId { get; init; }

    /// <summary>Channel id.</summary>
    public required string ChannelId { get; init; }

    /// <summary>Unique key, e.g. <c>42:raised:ops-webhook</c>.</summary>
    public required string DedupKey { get; init; }

    /// <summary>The alarm event: raised, escalated, recurred.</summary>
    public required string Event { get; init; }

    /// <summary>The JSON body (webhook) or the text (e-mail) to send.</summary>
    public required string Payload { get; init; }

    /// <summary>Queued at.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Not before (quiet hours, back-off).</summary>
    public required Instant NextAttemptAt { get; init; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>pending, delivered or dead (gave up after the maximum attempts; kept and visible).</summary>
    public string Status { get; init; } = OutboxStatus.Pending;

    /// <summary>Last error, or null.</summary>
    public string? LastError { get; init; }

    /// <summary>When delivered.</summary>
    public Instant? DeliveredAt { get; init; }
}
