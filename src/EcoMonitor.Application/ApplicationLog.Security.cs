using EcoMonitor.Application.Security;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of the security event log (event ids 4030s).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.SecurityEventsNotRecorded, Level = LogLevel.Error,
        Message = "Security events: {Records} audit records could not be written; they are kept and retried")]
    public static partial void SecurityEventsNotRecorded(ILogger logger, Exception exception, int records);

    [LoggerMessage(EventId = ApplicationEventIds.SecurityBurst, Level = LogLevel.Warning,
        Message = "Security burst: {Failures} failures of kind {Kind} by {KeyType} {Key} within the burst window")]
    public static partial void SecurityBurst(ILogger logger, SecurityEventKind kind, string keyType, string key, int failures);
}
