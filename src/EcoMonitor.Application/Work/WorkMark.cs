namespace EcoMonitor.Application.Work;

/// <summary>
/// Versions <see cref="From"/> to <see cref="To"/> of a pending row that a consumer has completed. The store advances
/// the consumer's completed version to <see cref="To"/> only when it has already completed every version before
/// <see cref="From"/>: a pass that worked on a whole day marks from 1 (everything committed up to <see cref="To"/>),
/// a pass that worked only on the values of some commits marks just their versions, and a gap (another node's commit
/// not yet worked on) leaves the row pending.
/// </summary>
/// <param name="Id">The pending row.</param>
/// <param name="From">First version covered (at least 1).</param>
/// <param name="To">Last version covered (at least <paramref name="From"/>).</param>
public readonly record struct WorkMark(long Id, long From, long To);
