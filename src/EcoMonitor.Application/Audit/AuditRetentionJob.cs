using EcoMonitor.Application.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// Once a day across the nodes (<see cref="IScheduledJob"/>), deletes the audit entries older than
/// <see cref="AuditRetentionOptions.RetentionDays"/>, in batches of <see cref="AuditRetentionOptions.BatchSize"/>,
/// each recorded in the chain (<see cref="IAuditLog.PruneAsync"/>). Does nothing while no retention is configured.
/// Safe to run again after a takeover: each batch is one transaction, and what is left is pruned by the next.
/// </summary>
public sealed class AuditRetentionJob(IAuditLog log, IOptions<AuditRetentionOptions> options, TimeProvider time, ILogger<AuditRetentionJob> logger)
    : IScheduledJob
{
    /// <inheritdoc />
    public ScheduledJob Schedule { get; } = new("audit.retention", TimeSpan.FromDays(1));

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays is not { } days)
        {
            return;
        }

        Instant recordedBefore = Instant.FromDateTimeOffset(time.GetUtcNow()) - Duration.FromDays(days);
        // A batch that was not full reached the first entry to keep: what is older is gone.
        int batch = options.Value.BatchSize;
        while (await log.PruneAsync(recordedBefore, batch, cancellationToken) is { } checkpoint)
        {
            ApplicationLog.AuditPruned(logger, days, checkpoint.Pruned, checkpoint.ThroughSequence, checkpoint.EntrySequence);
            if (checkpoint.Pruned < batch)
            {
                break;
            }
        }
    }
}
