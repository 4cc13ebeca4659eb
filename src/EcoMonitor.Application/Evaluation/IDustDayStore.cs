using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The dust-day register (<see cref="DustDay"/>): one mark per city and day. Part of the store contract (migration 23
/// in each engine); thread-safe; a completed write is durable.
/// </summary>
public interface IDustDayStore
{
    /// <summary>Inserts or replaces the mark of <paramref name="day"/>'s city and day; returns the mark it replaced, if any.</summary>
    Task<DustDay?> MarkAsync(DustDay day, CancellationToken cancellationToken);

    /// <summary>Removes the mark of <paramref name="city"/> on <paramref name="day"/>; returns it, or null when there was none.</summary>
    Task<DustDay?> UnmarkAsync(RegionCode city, LocalDate day, CancellationToken cancellationToken);

    /// <summary>
    /// The marks of days in [<paramref name="firstDay"/>, <paramref name="lastDay"/>] (both inclusive) of cities whose
    /// code starts with <paramref name="cityPrefix"/> (null: every city), ordered by city then day.
    /// </summary>
    Task<IReadOnlyList<DustDay>> QueryAsync(string? cityPrefix, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken);
}
