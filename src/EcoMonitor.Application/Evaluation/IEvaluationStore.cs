using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Stored air-quality evaluations: hourly AQI per station-hour and city-hour, daily values and AQI per station-day and
/// city-day. Derived data: a recomputation replaces the result of the same subject and period. Implementations are
/// thread-safe; a completed write is durable.
/// </summary>
public interface IEvaluationStore
{
    /// <summary>Inserts or replaces hourly results by subject and hour, in one transaction.</summary>
    Task SaveHourlyAsync(IReadOnlyList<HourlyAqiRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces daily results by subject and day, in one transaction. Daily values are rounded (GB/T 8170:
    /// 0 decimals, CO 1): a value with more than one decimal is refused with <see cref="ArgumentException"/> and
    /// nothing of the call is saved.
    /// </summary>
    Task SaveDailyAsync(IReadOnlyList<DailyAqiRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces, in one transaction, each region-day of <paramref name="days"/>: the subject's stored hours of that CST day
    /// and its day are removed, then the given ones saved (none when <see cref="RegionDayEvaluation.Daily"/> is null), so
    /// that an hour or a network a region no longer has leaves nothing behind (ADR 0037).
    /// </summary>
    Task ReplaceRegionDaysAsync(IReadOnlyList<RegionDayEvaluation> days, CancellationToken cancellationToken);

    /// <summary>Hourly results of one subject with hour start in [<paramref name="firstHour"/>, <paramref name="endHour"/>), by hour.</summary>
    Task<IReadOnlyList<HourlyAqiRecord>> QueryHourlyAsync(EvaluationSubject subject, Instant firstHour, Instant endHour, CancellationToken cancellationToken);

    /// <summary>
    /// The latest hourly result of every subject of <paramref name="scope"/> with hour start before
    /// <paramref name="before"/> (one per subject, however old), ordered by code (ordinal).
    /// </summary>
    Task<IReadOnlyList<HourlyAqiRecord>> QueryLatestHourlyAsync(EvaluationScope scope, Instant before, CancellationToken cancellationToken);

    /// <summary>
    /// Daily results of days in [<paramref name="firstDay"/>, <paramref name="lastDay"/>] (both inclusive) of one subject, or of
    /// every subject of <paramref name="scope"/> when <paramref name="code"/> is null; ordered by code (ordinal) then day.
    /// </summary>
    Task<IReadOnlyList<DailyAqiRecord>> QueryDailyAsync(EvaluationScope scope, string? code, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken);

    /// <summary>
    /// The daily values of <see cref="QueryDailyAsync"/> as one column series per subject (ordered by code, ordinal),
    /// for period statistics: subjects without any stored day in the period are left out. Engines may keep a columnar
    /// copy for this read (SQLite: one row per subject and month, ADR 0024); it always equals the daily results.
    /// </summary>
    Task<IReadOnlyList<DailyAirSeries>> QueryDailySeriesAsync(EvaluationScope scope, string? code, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces surface-water section days by station and day, in one transaction.</summary>
    Task SaveWaterDaysAsync(IReadOnlyList<WaterDayRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Section days in [<paramref name="firstDay"/>, <paramref name="lastDay"/>] (both inclusive) of one station, or of
    /// every station when <paramref name="station"/> is null; ordered by station (ordinal) then day.
    /// </summary>
    Task<IReadOnlyList<WaterDayRecord>> QueryWaterDaysAsync(StationId? station, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken);
}
