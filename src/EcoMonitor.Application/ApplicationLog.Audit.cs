using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of the audit trail's retention (Audit/).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.AuditPruned, Level = LogLevel.Information,
        Message = "Audit retention ({RetentionDays} days): deleted {Pruned} entries through {ThroughSequence}, recorded as entry {EntrySequence}")]
    public static partial void AuditPruned(ILogger logger, int retentionDays, long pruned, long throughSequence, long entrySequence);
}
