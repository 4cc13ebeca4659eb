using EcoMonitor.Application.Reports;
using EcoMonitor.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Reports;

/// <summary>
/// Regenerates archived reports whose data were revised since (补传, review decisions, dust marks, network changes —
/// whatever changes the numbers): the newest <see cref="ReportOptions.RevisionDepth"/> archived reports of each kind are
/// rebuilt in turns of <see cref="ReportOptions.RevisionChecksPerRun"/> per run of <c>reports.schedule</c> (once per
/// cluster per slot), and one whose rebuilt numbers differ from its latest version's (<see cref="ReportDocument.DataHash"/>)
/// is rendered and archived as the next version, the old kept (ADR 0038, decision 5). Only the document is rebuilt to
/// compare — the three files are rendered only for a revised one. One report's failure is logged and the others go on.
/// Thread-safe (no state of its own).
/// </summary>
internal sealed class ReportRevisions(ReportGenerator generator, IReportArchive archive, IOptions<ReportOptions> options, ILogger<ReportRevisions> logger)
{
    /// <summary>
    /// Checks the turn of slot <paramref name="slot"/> (the candidates ordered by kind, region and period; each slot the
    /// next <see cref="ReportOptions.RevisionChecksPerRun"/>, round the list); the number of reports regenerated.
    /// </summary>
    public async Task<int> CheckAsync(long slot, CancellationToken cancellationToken)
    {
        ReportOptions settings = options.Value;
        if (settings.RevisionDepth == 0)
        {
            return 0;
        }

        List<ArchivedReport> candidates = await CandidatesAsync(settings.RevisionDepth, cancellationToken);
        int regenerated = 0;
        foreach (ArchivedReport latest in Turn(candidates, slot, settings.RevisionChecksPerRun))
        {
            try
            {
                ReportDocument document = await generator.BuildAsync(latest.Kind, RegionCode.Parse(latest.Region), latest.Period, cancellationToken);
                if (!document.HasData || document.DataHash() == latest.DataHash)
                {
                    continue;
                }

                var stored = await generator.ArchiveAsync(document, ReportScheduleJob.Actor, cancellationToken);
                regenerated++;
                int version = stored.Max(s => s.Report.Version);
                ReportsLog.Regenerated(logger, latest.Kind, latest.Region, latest.Period, version);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ReportsLog.Failed(logger, e, latest.Kind, latest.Region, latest.Period);
            }
        }

        return regenerated;
    }

    /// <summary>The <paramref name="count"/> candidates from position slot × count (modulo), round the list, each at most once.</summary>
    internal static IEnumerable<ArchivedReport> Turn(IReadOnlyList<ArchivedReport> candidates, long slot, int count)
    {
        if (candidates.Count == 0)
        {
            yield break;
        }

        long start = (long)((ulong)slot * (ulong)count % (ulong)candidates.Count);
        for (int i = 0; i < Math.Min(count, candidates.Count); i++)
        {
            yield return candidates[(int)((start + i) % candidates.Count)];
        }
    }

    /// <summary>The latest version of each of the newest <paramref name="depth"/> reports of every kind, ordered by kind, region and period.</summary>
    private async Task<List<ArchivedReport>> CandidatesAsync(int depth, CancellationToken cancellationToken)
    {
        var candidates = new List<ArchivedReport>();
        int rows = Math.Min(1000, depth * Enum.GetValues<ReportFormat>().Length * 2);
        foreach (ReportKind kind in Enum.GetValues<ReportKind>())
        {
            IReadOnlyList<ArchivedReport> versions = await archive.ListAsync(new ReportQuery(Kind: kind, Limit: rows), cancellationToken);
            candidates.AddRange(versions
                .GroupBy(r => (r.Region, r.Period))
                .Select(g => g.MaxBy(r => r.Version)!)
                .OrderByDescending(r => r.Id)
                .Take(depth));
        }

        return [.. candidates.OrderBy(r => r.Kind).ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal)];
    }
}
