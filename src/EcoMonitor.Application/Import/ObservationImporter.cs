using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Stores what an import reader yields: good rows are appended in batches (each batch one transaction, idempotent
/// on re-import) through the one write path (<see cref="ObservationWriter"/>: commit, then every commit listener),
/// refused rows are counted and the first of them listed. A broken row never loses the good rows around it.
/// Every import that reached the store is recorded in the audit trail — also one that failed or was cancelled after
/// some batches — as <see cref="Action"/> by the origin's actor (and the request's address): the rows inserted,
/// unchanged, revised and refused, and each revised value before and after (the first <see cref="MaxRevisionsListed"/>;
/// every earlier revision stays in its value's history). Used by the HTTP import endpoint, the sample history at
/// start-up and <c>ecomon import</c>.
/// </summary>
public sealed class ObservationImporter(ObservationWriter writer, IObservationStore store, IAuditTrail audit)
{
    /// <summary>Rows appended per transaction.</summary>
    public const int BatchSize = 5_000;

    /// <summary>Refused rows listed in a report; the rest are only counted.</summary>
    public const int MaxErrorsListed = 1_000;

    /// <summary>Revised values listed with their earlier value in the audit entry; the rest are counted.</summary>
    public const int MaxRevisionsListed = 1_000;

    /// <summary>The audit action of an import.</summary>
    public const string Action = "observations.imported";

    /// <summary>Reads all items and stores the observations; <paramref name="onBatch"/> hears the running total after each batch.</summary>
    public async Task<ImportReport> ImportAsync(
        IAsyncEnumerable<ImportItem> items, ImportOrigin origin, Action<AppendResult>? onBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(origin);
        var run = new Run();
        try
        {
            await foreach (ImportItem item in items.WithCancellation(cancellationToken))
            {
                if (item.Error is { } error)
                {
                    run.ErrorCount++;
                    if (run.Errors.Count < MaxErrorsListed)
                    {
                        run.Errors.Add(error);
                    }

                    continue;
                }

                run.Batch.Add(item.Observation!);
                if (run.Batch.Count == BatchSize)
                {
                    await AppendAsync(run, cancellationToken);
                    onBatch?.Invoke(run.Stored);
                }
            }

            if (run.Batch.Count > 0)
            {
                await AppendAsync(run, cancellationToken);
                onBatch?.Invoke(run.Stored);
            }
        }
        catch (Exception failure) when (run.Stored.Total > 0)
        {
            // What was committed is recorded even when a later batch failed or the caller gave up.
            try
            {
                await RecordAsync(origin, run, isComplete: false);
            }
            catch (Exception auditFailure)
            {
                throw new AggregateException("The import broke off after committing rows, and its audit entry could not be written.", failure, auditFailure);
            }

            throw;
        }

        // An import that committed nothing changed nothing (its refusals are in the report).
        if (run.Stored.Total > 0)
        {
            await RecordAsync(origin, run, isComplete: true);
        }

        return new ImportReport(run.Stored, run.ErrorCount, run.Errors);
    }

    /// <summary>One transaction (observations and the station-days they changed, as pending work), then the listeners.</summary>
    private async Task AppendAsync(Run run, CancellationToken cancellationToken)
    {
        run.Changes.Clear();
        run.Outcomes.Clear();
        run.Stored += await writer.AppendAsync(run.Batch, run.Changes, run.Outcomes, cancellationToken);
        await ListRevisionsAsync(run, cancellationToken);
        run.Batch.Clear();
    }

    /// <summary>The revised values of the batch just committed, each with the revision before it (from its history).</summary>
    private async Task ListRevisionsAsync(Run run, CancellationToken cancellationToken)
    {
        for (int i = 0; i < run.Batch.Count && run.Revisions.Count < MaxRevisionsListed; i++)
        {
            if (run.Outcomes[i] != AppendOutcome.Revised)
            {
                continue;
            }

            Observation now = run.Batch[i];
            IReadOnlyList<ObservationRevision> history = await store.HistoryAsync(ObservationKey.Of(now), cancellationToken);
            // The revision this import wrote is the last one with its payload; the one before it is what it replaced.
            int index = history.Count - 1;
            while (index > 0 && !SamePayload(history[index].Observation, now))
            {
                index--;
            }

            Observation? before = index > 0 ? history[index - 1].Observation : null;
            run.Revisions.Add(new ImportRevision(
                now.Station.Value, now.Parameter.Value, now.Interval, ChinaTime.ToOffsetDateTime(now.PeriodStart).ToDateTimeOffset(), index > 0 ? history[index].Revision : 0,
                before?.Value, before?.Flag ?? DataFlag.Normal, now.Value, now.Flag));
        }
    }

    private async Task RecordAsync(ImportOrigin origin, Run run, bool isComplete)
    {
        AppendResult s = run.Stored;
        var record = new AuditRecord(origin.Actor, Action, "import", origin.Source)
        {
            After = AuditJson.Serialize(new
            {
                complete = isComplete,
                inserted = s.Inserted,
                unchanged = s.Unchanged,
                revised = s.Revised,
                refused = run.ErrorCount,
                revisions = run.Revisions,
                revisionsNotListed = s.Revised - run.Revisions.Count,
            }),
        };
        // Not cancelled with the import: the rows are committed, their record must follow.
        await audit.RecordAsync(record, CancellationToken.None);
    }

    private static bool SamePayload(Observation a, Observation b) =>
        a.Value == b.Value && a.Min == b.Min && a.Max == b.Max && a.Total == b.Total && a.ConvertedValue == b.ConvertedValue && a.Flag == b.Flag;

    /// <summary>The state of one import.</summary>
    private sealed class Run
    {
        public List<Observation> Batch { get; } = new(BatchSize);

        public List<DayChange> Changes { get; } = [];

        public List<AppendOutcome> Outcomes { get; } = new(BatchSize);

        public List<ImportRowError> Errors { get; } = [];

        public List<ImportRevision> Revisions { get; } = [];

        public int ErrorCount { get; set; }

        public AppendResult Stored { get; set; }
    }
}
