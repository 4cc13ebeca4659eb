using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// Every registered <see cref="IObservationCommitListener"/> as one (evaluation, quality checks …), for callers that take
/// a single listener (the importer). Calls them in registration order; each must return quickly and never throw.
/// </summary>
public sealed class ObservationCommitListeners(IEnumerable<IObservationCommitListener> listeners) : IObservationCommitListener
{
    private readonly IObservationCommitListener[] _listeners = [.. listeners];

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes, IReadOnlyList<DayChange> changes)
    {
        foreach (IObservationCommitListener listener in _listeners)
        {
            listener.OnCommitted(observations, outcomes, changes);
        }
    }
}
