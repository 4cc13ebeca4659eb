using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>Deletes the run table's rows older than <see cref="ScheduleOptions.KeepRuns"/>, once a day across the nodes.</summary>
internal sealed class ScheduledRunCleanup(IScheduledRunStore store, IOptions<ScheduleOptions> options, TimeProvider time) : IScheduledJob
{
    public ScheduledJob Schedule { get; } = new("schedule.cleanup", TimeSpan.FromDays(1));

    public Task RunAsync(CancellationToken cancellationToken) =>
        store.DeleteRunsBeforeAsync(Instant.FromDateTimeOffset(time.GetUtcNow() - options.Value.KeepRuns), cancellationToken);
}
