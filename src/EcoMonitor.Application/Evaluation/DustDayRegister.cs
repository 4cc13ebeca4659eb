using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Marks and unmarks dust days (<see cref="DustDay"/>): writes the register, then records the change in the audit
/// trail (<c>dust-day.marked</c>, <c>dust-day.changed</c>, <c>dust-day.unmarked</c>; subject <c>dust-day</c>
/// <c>city/yyyy-MM-dd</c>). Who may mark which city is the caller's decision (permission and jurisdiction). Statistics
/// read the register on every request (<see cref="AirStatisticsService"/>), so a change counts on every node at once.
/// Thread-safe.
/// </summary>
public sealed class DustDayRegister(IDustDayStore store, IAuditTrail audit, TimeProvider time)
{
    private const string SubjectType = "dust-day";

    /// <summary>Marks <paramref name="city"/>'s <paramref name="day"/> as done by <paramref name="actor"/>; returns the stored mark.</summary>
    public async Task<DustDay> MarkAsync(RegionCode city, LocalDate day, string note, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!DustDay.IsCity(city))
        {
            throw new ArgumentException($"'{city}' is not a city's code.", nameof(city));
        }

        var mark = new DustDay(city, day, note.Trim(), actor, Instant.FromDateTimeOffset(time.GetUtcNow()));
        DustDay? before = await store.MarkAsync(mark, cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(actor, before is null ? "dust-day.marked" : "dust-day.changed", SubjectType, SubjectId(city, day))
            {
                Before = Json(before), After = Json(mark),
            },
            cancellationToken);
        return mark;
    }

    /// <summary>Removes the mark as done by <paramref name="actor"/>; false when there was none (nothing recorded).</summary>
    public async Task<bool> UnmarkAsync(RegionCode city, LocalDate day, string actor, CancellationToken cancellationToken)
    {
        DustDay? removed = await store.UnmarkAsync(city, day, cancellationToken);
        if (removed is null)
        {
            return false;
        }

        await audit.RecordAsync(new AuditRecord(actor, "dust-day.unmarked", SubjectType, SubjectId(city, day)) { Before = Json(removed) }, cancellationToken);
        return true;
    }

    private static string SubjectId(RegionCode city, LocalDate day) =>
        $"{city}/{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    private static string? Json(DustDay? day) => day is null
        ? null
        : AuditJson.Serialize(new { city = day.City.Value, day = day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), note = day.Note });
}
