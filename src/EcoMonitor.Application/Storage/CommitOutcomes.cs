namespace EcoMonitor.Application.Storage;

/// <summary>Reading the outcomes passed to <see cref="IObservationCommitListener.OnCommitted"/>.</summary>
public static class CommitOutcomes
{
    /// <summary>
    /// True when observation <paramref name="index"/> was inserted or revised: outcomes are null (an import that does
    /// not report them) or shorter than the batch mean "changed"; only <see cref="AppendOutcome.Unchanged"/> is not.
    /// </summary>
    public static bool IsChanged(IReadOnlyList<AppendOutcome>? outcomes, int index) =>
        outcomes is null || index >= outcomes.Count || outcomes[index] != AppendOutcome.Unchanged;
}
