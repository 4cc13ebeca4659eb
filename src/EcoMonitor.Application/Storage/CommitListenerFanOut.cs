using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// Tells every registered <see cref="IObservationCommitListener"/> (evaluation, alarms, …) about a commit, in
/// registration order, for callers that take one listener (<see cref="Import.ObservationImporter"/>). Resolve
/// <c>IEnumerable&lt;IObservationCommitListener&gt;</c> and wrap it; never inject a single listener, which would be
/// only the last one registered.
/// </summary>
public sealed class CommitListenerFanOut(IEnumerable<IObservationCommitListener> listeners) : IObservationCommitListener
{
    private readonly IObservationCommitListener[] _listeners = [.. listeners];

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes)
    {
        foreach (IObservationCommitListener listener in _listeners)
        {
            listener.OnCommitted(observations, outcomes);
        }
    }
}
