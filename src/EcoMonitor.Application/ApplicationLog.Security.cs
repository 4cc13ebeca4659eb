using EcoMonitor.Application.Security;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of the security event log and the masking of stored frames (event ids 4040s).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.SecurityEventsNotRecorded, Level = LogLevel.Error,
        Message = "Security events: {Records} audit records could not be written; they are kept and retried")]
    public static partial void SecurityEventsNotRecorded(ILogger logger, Exception exception, int records);

    [LoggerMessage(EventId = ApplicationEventIds.SecurityBurst, Level = LogLevel.Warning,
        Message = "Security burst: {Failures} failures of kind {Kind} by {KeyType} {Key} within the burst window")]
    public static partial void SecurityBurst(ILogger logger, SecurityEventKind kind, string keyType, string key, int failures);

    [LoggerMessage(EventId = ApplicationEventIds.StoredFramePasswordsMasked, Level = LogLevel.Information,
        Message = "Passwords masked in the frames archived before the gateway masked them: {Frames} frames looked at")]
    public static partial void StoredFramePasswordsMasked(ILogger logger, long frames);

    [LoggerMessage(EventId = ApplicationEventIds.StoredFramePasswordMaskingFailed, Level = LogLevel.Error,
        Message = "Masking the passwords of frames archived in clear failed after {Frames} frames; tried again in a minute")]
    public static partial void StoredFramePasswordMaskingFailed(ILogger logger, Exception exception, long frames);

    [LoggerMessage(EventId = ApplicationEventIds.SecurityEventNotRecordable, Level = LogLevel.Error,
        Message = "A security event of kind {Kind} could not be made into an audit record; dropped and counted, the log goes on")]
    public static partial void SecurityEventNotRecordable(ILogger logger, Exception exception, Security.SecurityEventKind kind);
}
