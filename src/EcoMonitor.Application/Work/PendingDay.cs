using NodaTime;

namespace EcoMonitor.Application.Work;

/// <summary>A station-day whose latest change one consumer has not completed yet, as the store holds it.</summary>
/// <param name="Id">The pending row.</param>
/// <param name="Day">The station-day.</param>
/// <param name="Version">The row's version: how many commits changed the day since the row was created.</param>
/// <param name="ChangedAt">When the latest commit changed it (the committing node's clock).</param>
public sealed record PendingDay(long Id, WorkDay Day, long Version, Instant ChangedAt);
