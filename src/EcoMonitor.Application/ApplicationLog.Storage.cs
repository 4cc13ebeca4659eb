using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of a background component meeting an outage of the store (<see cref="Storage.StoreOutageLog"/>).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.StoreUnavailable, Level = LogLevel.Warning,
        Message = "{Component}: the store is unavailable ({Reason}); its work waits and is retried until the store answers")]
    public static partial void StoreUnavailable(ILogger logger, string component, string reason);

    [LoggerMessage(EventId = ApplicationEventIds.StoreStillUnavailable, Level = LogLevel.Debug,
        Message = "{Component}: the store is still unavailable ({Reason})")]
    public static partial void StoreStillUnavailable(ILogger logger, string component, string reason);

    [LoggerMessage(EventId = ApplicationEventIds.StoreAvailableAgain, Level = LogLevel.Information,
        Message = "{Component}: the store answers again")]
    public static partial void StoreAvailableAgain(ILogger logger, string component);
}
