using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Reports;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Reports;

/// <summary>
/// Generates the scheduled reports once per cluster (job <c>reports.schedule</c>, a slot claimed in the run table every
/// <see cref="ReportOptions.CheckInterval"/>, ADR 0029): the daily bulletin of the day before once the local time is
/// past <see cref="ReportOptions.DailyBulletinTime"/>, the monthly air and surface-water reports of the month before once
/// it is past <see cref="ReportOptions.MonthlyReportTime"/> on <see cref="ReportOptions.MonthlyReportDay"/>, the annual
/// report of the year before once it is past <see cref="ReportOptions.AnnualReportTime"/> on
/// <see cref="ReportOptions.AnnualReportDay"/> of January — for every region of <see cref="ReportOptions.Regions"/>
/// (default: each province with an air-quality station, for the water report each province with a surface-water
/// section) whose report is not yet in
/// the archive and that has data (a report of nothing is not archived; it is looked for again at the next slot). A rerun after a takeover finds what was archived and does the rest. One region's failure is logged and
/// the others go on. Then it checks a bounded turn of the archived reports for revised data (<see cref="ReportRevisions"/>).
/// </summary>
internal sealed class ReportScheduleJob(
    ReportGenerator generator, ReportRevisions revisions, IReportArchive archive, IStationStore stations, IOptions<ReportOptions> options, TimeProvider time,
    ILogger<ReportScheduleJob> logger) : IScheduledJob
{
    public const string Name = "reports.schedule";

    /// <summary>Who the archive names as the generator of scheduled reports.</summary>
    public const string Actor = "system:schedule";

    public ScheduledJob Schedule { get; } = new(Name, options.Value.CheckInterval);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ReportOptions settings = options.Value;
        if (!settings.IsScheduleEnabled)
        {
            return;
        }

        var instant = Instant.FromDateTimeOffset(time.GetUtcNow());
        LocalDateTime now = ChinaTime.ToLocal(instant);
        foreach ((ReportKind kind, string period) in Due(now, settings))
        {
            foreach (RegionCode region in await RegionsAsync(kind, settings, cancellationToken))
            {
                IReadOnlyList<ArchivedReport> existing = await archive.ListAsync(
                    new ReportQuery(region.Value, kind, period, Limit: 10), cancellationToken);
                if (existing.Any(r => r.Region == region.Value))
                {
                    continue;
                }

                try
                {
                    ReportDocument document = await generator.BuildAsync(kind, region, period, cancellationToken);
                    if (!document.HasData)
                    {
                        ReportsLog.NoData(logger, kind, region.Value, period);
                        continue;
                    }

                    var stored = await generator.ArchiveAsync(document, Actor, cancellationToken);
                    int added = stored.Count(s => s.IsNew);
                    ReportsLog.Generated(logger, kind, region.Value, period, added);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ReportsLog.Failed(logger, e, kind, region.Value, period);
                }
            }
        }

        await revisions.CheckAsync(instant.ToUnixTimeTicks() / settings.CheckInterval.Ticks, cancellationToken);
    }

    /// <summary>The reports due at <paramref name="now"/> (CST): the latest daily bulletin, monthly air and water reports and annual report whose time has come.</summary>
    internal static IEnumerable<(ReportKind Kind, string Period)> Due(LocalDateTime now, ReportOptions settings)
    {
        LocalDate today = now.Date;
        LocalDate day = now.TimeOfDay >= LocalTime.FromTicksSinceMidnight(settings.DailyBulletinTime.Ticks) ? today.PlusDays(-1) : today.PlusDays(-2);
        yield return (ReportKind.DailyBulletin, ReportPeriods.Format(day));
        LocalDateTime monthlyDue = new LocalDate(today.Year, today.Month, settings.MonthlyReportDay)
            .At(LocalTime.FromTicksSinceMidnight(settings.MonthlyReportTime.Ticks));
        YearMonth month = today.ToYearMonth().PlusMonths(now >= monthlyDue ? -1 : -2);
        yield return (ReportKind.MonthlyAir, ReportPeriods.Format(month));
        yield return (ReportKind.MonthlyWater, ReportPeriods.Format(month));
        LocalDateTime annualDue = new LocalDate(today.Year, 1, settings.AnnualReportDay)
            .At(LocalTime.FromTicksSinceMidnight(settings.AnnualReportTime.Ticks));
        yield return (ReportKind.AnnualAir, ReportPeriods.Format(today.Year - (now >= annualDue ? 1 : 2)));
    }

    private async Task<IReadOnlyList<RegionCode>> RegionsAsync(ReportKind kind, ReportOptions settings, CancellationToken cancellationToken)
    {
        if (settings.Regions.Count > 0)
        {
            return [.. settings.Regions.Select(RegionCode.Parse)];
        }

        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        StationType type = kind == ReportKind.MonthlyWater ? StationType.SurfaceWater : StationType.AirQuality;
        return [.. all.Where(s => s.Type == type).Select(s => s.Region.Province).Distinct().OrderBy(r => r.Value, StringComparer.Ordinal)];
    }
}
