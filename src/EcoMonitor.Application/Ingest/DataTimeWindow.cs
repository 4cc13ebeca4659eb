using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// Which period times can be true, checked at the door of every write path (HJ 212 DataTime at the gateway, period
/// times of imported rows): not before <see cref="NotBefore"/> (default 2000-01-01 00:00 CST: no automatic station of
/// the network reported earlier) and not more than <see cref="MaxAhead"/> after the time the value was received
/// (default one day: a logger's clock may run ahead, not by days). A value outside is refused with the reason, so that
/// no impossible time (year 9999, year 0001) reaches the store and the date arithmetic of evaluation. Immutable.
/// </summary>
/// <param name="NotBefore">The earliest period start accepted.</param>
/// <param name="MaxAhead">How far after the receive time a period may start.</param>
public sealed record DataTimeWindow(Instant NotBefore, Duration MaxAhead)
{
    /// <summary>2000-01-01 00:00 CST and one day ahead.</summary>
    public static DataTimeWindow Default { get; } = new(ChinaTime.ToInstant(new LocalDateTime(2000, 1, 1, 0, 0)), Duration.FromDays(1));

    /// <summary>Null when a period starting at <paramref name="periodStart"/> received at <paramref name="receivedAt"/> can be true; else why not (operator-readable).</summary>
    public string? Problem(Instant periodStart, Instant receivedAt)
    {
        if (periodStart < NotBefore)
        {
            return $"the period starts at {ChinaTime.ToOffsetDateTime(periodStart)}, before {ChinaTime.ToOffsetDateTime(NotBefore)}, the earliest time accepted";
        }

        return periodStart > receivedAt + MaxAhead
            ? $"the period starts at {ChinaTime.ToOffsetDateTime(periodStart)}, more than {MaxAhead.TotalHours:0.#} h after it was received ({ChinaTime.ToOffsetDateTime(receivedAt)})"
            : null;
    }
}
