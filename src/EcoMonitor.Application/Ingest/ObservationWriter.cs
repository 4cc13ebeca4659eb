using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// The one write path of observations (docs/adr/0030): commits through the store, then tells every commit listener of
/// this process — evaluation, quality checks, alarms — in registration order. Used by the gateway's batch writer, the
/// HTTP import, the sample imports at start-up and <c>ecomon import</c>. The store records the station-days a commit
/// changed as pending work in the same transaction (docs/adr/0027), so a process without workers (the CLI) still
/// reaches them: a running node's sweep takes the work up (<see cref="WorkOptions.SweepGrace"/>), a stopped one at its
/// start. Listeners return quickly and never throw. Thread-safe when the store is.
/// </summary>
public sealed class ObservationWriter
{
    private readonly IObservationStore _observations;
    private readonly IIngestStore _ingest;
    private readonly IObservationCommitListener[] _listeners;

    /// <summary>The writer of a process that runs the workers: <paramref name="listeners"/> are every registered one.</summary>
    public ObservationWriter(IObservationStore observations, IIngestStore ingest, IEnumerable<IObservationCommitListener> listeners)
    {
        _observations = observations;
        _ingest = ingest;
        _listeners = [.. listeners];
    }

    /// <summary>
    /// The writer of a process that runs no workers (the CLI): nothing in the process listens; the pending work the store
    /// records with each commit tells the nodes.
    /// </summary>
    public static ObservationWriter WithoutWorkers(IObservationStore observations, IIngestStore ingest) => new(observations, ingest, []);

    /// <summary>Commits a batch of frames with their observations (the gateway), then tells the listeners.</summary>
    public async Task<AppendResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        AppendResult appended = await _ingest.CommitAsync(batch, cancellationToken);
        Tell(batch.Observations, batch.Outcomes, batch.Changes);
        return appended;
    }

    /// <summary>
    /// Appends observations in one transaction (imports), adding what each did to <paramref name="outcomes"/> and the
    /// station-days changed to <paramref name="changes"/>, then tells the listeners.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        IReadOnlyList<Observation> observations, List<DayChange> changes, List<AppendOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        AppendResult appended = await _observations.AppendAsync(observations, changes, outcomes, cancellationToken);
        Tell(observations, outcomes, changes);
        return appended;
    }

    private void Tell(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes, IReadOnlyList<DayChange> changes)
    {
        foreach (IObservationCommitListener listener in _listeners)
        {
            listener.OnCommitted(observations, outcomes, changes);
        }
    }
}
