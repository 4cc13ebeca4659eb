using EcoMonitor.Application.Scheduling;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Partition maintenance and retention (<see cref="PostgresPartitions.RunPartitionMaintenanceAsync"/>) once per
/// <see cref="PostgresStorageOptions.MaintenanceInterval"/> across every node (job <c>storage.partitions</c>, run by
/// the host's <see cref="ScheduledJobHost"/>; docs/adr/0029). The advisory lock inside still keeps a run from
/// overlapping one that start-up migration (every node, at start) is doing.
/// </summary>
internal sealed class PartitionMaintenanceJob(PostgresPartitions partitions, IOptions<PostgresStorageOptions> options) : IScheduledJob
{
    public const string Name = "storage.partitions";

    public ScheduledJob Schedule { get; } = new(Name, options.Value.MaintenanceInterval);

    public Task RunAsync(CancellationToken cancellationToken) => partitions.RunPartitionMaintenanceAsync(cancellationToken);
}
