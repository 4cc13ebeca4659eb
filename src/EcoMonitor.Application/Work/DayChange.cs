namespace EcoMonitor.Application.Work;

/// <summary>
/// What one commit did to the pending row of a station-day (<see cref="IPendingWorkStore"/>): the row's id and
/// the version the commit gave it. Filled by the store in the commit's transaction and passed on to the commit
/// listeners, so that a worker can mark exactly the changes it has worked on.
/// </summary>
/// <param name="Day">The station-day.</param>
/// <param name="Id">The pending row (a row removed once done and created again gets a new id).</param>
/// <param name="Version">The row's version after the commit (1 for the first change, one more for each later commit).</param>
public readonly record struct DayChange(WorkDay Day, long Id, long Version);
