using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Re-runs the automatic checks (with the rules loaded now) over stored values of a range of CST days, and rescores the
/// falsification signs of outlets, after a rule change (<c>ecomon quality recheck</c>). Every station-day-interval whose
/// findings change is replaced like a check after ingest and recorded in the audit trail (<c>quality.rechecked</c>, subject
/// <c>observations</c> + <c>MN/interval/day</c>, before/after: the findings removed and added); every outlet-day whose
/// score or signs change is recorded as <c>falsification.rescored</c> (before/after: score and signs). Unchanged ranges
/// record nothing. Runs under the quality worker's cluster lock, one station-day at a time. Thread-safe.
/// </summary>
public sealed class QualityRecheck(
    IStationStore stations,
    StationValidity validity,
    IQualityStore quality,
    SuspicionService suspicion,
    ISuspicionStore suspicions,
    IClusterLock clusterLock,
    IAuditTrail trail)
{
    /// <summary>The longest range one recheck covers.</summary>
    public const int MaxDays = 400;

    /// <summary>Findings listed per audit entry at most (the counts are complete).</summary>
    public const int MaxListed = 200;

    private static readonly ObservationInterval[] Intervals = [ObservationInterval.RealTime, ObservationInterval.Minute, ObservationInterval.Hour, ObservationInterval.Day];

    /// <summary>Rechecks [first, last] of <paramref name="station"/> (every registered station when null); <paramref name="actor"/> is recorded as who asked.</summary>
    public async Task<RecheckReport> RunAsync(LocalDate first, LocalDate last, StationId? station, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (last < first || Period.Between(first, last, PeriodUnits.Days).Days >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(last), $"The range {first:yyyy-MM-dd}..{last:yyyy-MM-dd} must be 1 to {MaxDays} days.");
        }

        IReadOnlyList<StationId> ids = station is { } one ? [one] : [.. (await stations.ListAsync(cancellationToken)).Select(s => s.Id)];
        var report = new RecheckReport();
        string reason = $"quality recheck of {first:yyyy-MM-dd}..{last:yyyy-MM-dd} with the rules loaded now";
        foreach (StationId id in ids)
        {
            for (LocalDate day = first; day <= last; day = day.PlusDays(1))
            {
                await using IAsyncDisposable held = await clusterLock.AcquireAsync(QualityWorker.LockName, cancellationToken);
                foreach (ObservationInterval interval in Intervals)
                {
                    await RecheckFindingsAsync(new QualityWindow(id, interval, day), actor, reason, report, cancellationToken);
                }

                await RescoreAsync(id, day, actor, reason, report, cancellationToken);
                report.StationDays++;
            }
        }

        return report;
    }

    private async Task RecheckFindingsAsync(QualityWindow window, string actor, string reason, RecheckReport report, CancellationToken cancellationToken)
    {
        Instant from = window.Interval == ObservationInterval.Hour ? window.Start - Duration.FromHours(1) : window.Start;
        var range = new Interval(from, window.End);
        ValidityResult result = await validity.CheckAsync(window.Station, window.Interval, from, window.End, [], isForEvaluation: false, cancellationToken);
        IReadOnlyList<QualityFinding> stored = await quality.QueryFindingsAsync(window.Station, window.Interval, range, QualitySeverity.Marked, cancellationToken);
        var removed = stored.Except(result.Findings).ToList();
        var added = result.Findings.Except(stored).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        await quality.ReplaceFindingsAsync([new FindingsReplacement(window.Station, window.Interval, range, result.Findings)], cancellationToken);
        await trail.RecordAsync(
            new AuditRecord(actor, "quality.rechecked", "observations", $"{window.Station}/{StoreCodes.ToCode(window.Interval)}/{window.Day:yyyy-MM-dd}")
            {
                Before = AuditJson.Serialize(new { findings = stored.Count, removed = removed.Count, listed = removed.Take(MaxListed).Select(Row) }),
                After = AuditJson.Serialize(new { findings = result.Findings.Count, added = added.Count, listed = added.Take(MaxListed).Select(Row) }),
                Reason = reason,
            },
            cancellationToken);
        report.FindingsAdded += added.Count;
        report.FindingsRemoved += removed.Count;
        report.RangesChanged++;
    }

    private async Task RescoreAsync(StationId station, LocalDate day, string actor, string reason, RecheckReport report, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutletSuspicion> before = await suspicions.QuerySuspicionsAsync(station, day, day, 0, 1, cancellationToken);
        IReadOnlyList<OutletSuspicion> after = await suspicion.ScoreAndSaveAsync([(station, day)], cancellationToken);
        if (after.Count == 0)
        {
            return;
        }

        string? old = before.Count == 0 ? null : AuditJson.Serialize(new { score = before[0].Score, signs = SuspicionJson.Serialize(before[0].Signs) });
        string? now = AuditJson.Serialize(new { score = after[0].Score, signs = SuspicionJson.Serialize(after[0].Signs) });
        if (old == now)
        {
            return;
        }

        await trail.RecordAsync(
            new AuditRecord(actor, "falsification.rescored", "outlet-day", $"{station}/{day:yyyy-MM-dd}") { Before = old, After = now, Reason = reason },
            cancellationToken);
        report.OutletDaysRescored++;
    }

    private static object Row(QualityFinding f) => new
    {
        parameter = f.Parameter.Value, periodStart = f.PeriodStart.ToUnixTimeMilliseconds(), rule = f.Rule, severity = f.Severity.ToString(), reason = f.Reason,
    };
}
