using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Stores what an import reader yields: good rows are appended in batches (each batch one transaction, idempotent
/// on re-import), refused rows are counted and the first of them listed. A broken row never loses the good rows
/// around it. After each committed batch <paramref name="listener"/> (when given) hears about its observations.
/// Used by the HTTP import endpoint, the sample history at start-up and <c>ecomon import</c>.
/// </summary>
public sealed class ObservationImporter(IObservationStore store, IObservationCommitListener? listener = null)
{
    /// <summary>Rows appended per transaction.</summary>
    public const int BatchSize = 5_000;

    /// <summary>Refused rows listed in a report; the rest are only counted.</summary>
    public const int MaxErrorsListed = 1_000;

    /// <summary>Reads all items and stores the observations; <paramref name="onBatch"/> hears the running total after each batch.</summary>
    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<ImportItem> items, Action<AppendResult>? onBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        List<Observation> batch = new(BatchSize);
        List<DayChange> changes = [];
        List<ImportRowError> errors = [];
        int errorCount = 0;
        AppendResult stored = default;
        await foreach (ImportItem item in items.WithCancellation(cancellationToken))
        {
            if (item.Error is { } error)
            {
                errorCount++;
                if (errors.Count < MaxErrorsListed)
                {
                    errors.Add(error);
                }

                continue;
            }

            batch.Add(item.Observation!);
            if (batch.Count == BatchSize)
            {
                stored += await AppendAsync(batch, changes, cancellationToken);
                batch.Clear();
                onBatch?.Invoke(stored);
            }
        }

        if (batch.Count > 0)
        {
            stored += await AppendAsync(batch, changes, cancellationToken);
            onBatch?.Invoke(stored);
        }

        return new ImportReport(stored, errorCount, errors);
    }

    /// <summary>One transaction (observations and the station-days they changed, as pending work), then the listener.</summary>
    private async Task<AppendResult> AppendAsync(List<Observation> batch, List<DayChange> changes, CancellationToken cancellationToken)
    {
        changes.Clear();
        AppendResult appended = await store.AppendAsync(batch, changes, cancellationToken);
        listener?.OnCommitted(batch, outcomes: null, changes);
        return appended;
    }
}
