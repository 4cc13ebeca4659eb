namespace EcoMonitor.Application.Scheduling;

/// <summary>
/// Work that <see cref="ScheduledJobHost"/> runs once per slot of its <see cref="Schedule"/> across the nodes. Register
/// it as a singleton <see cref="IScheduledJob"/>. The work should be safe to run again after a takeover (a node that
/// died mid-run leaves the slot to another node, which starts it from the beginning).
/// </summary>
public interface IScheduledJob
{
    ScheduledJob Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
