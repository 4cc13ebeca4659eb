using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// Logs one background component's failures so that an outage of the store reads as one warning naming the component
/// when the component first meets it (the reason, no stack) and one information when the store answers it again —
/// not an error with a stack at every retry. Failures that do not mean the store is away (<see cref="IStoreHealth.IsUnavailable"/>)
/// are left to the caller, which logs them as errors. Thread-safe.
/// </summary>
public sealed class StoreOutageLog(IStoreHealth health, ILogger logger, string component)
{
    private int _isAway;

    /// <summary>
    /// When <paramref name="exception"/> means the store is away: logs it (a warning the first time in an outage, at
    /// debug level after) and returns true; otherwise returns false and logs nothing.
    /// </summary>
    public bool TryLogUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!health.IsUnavailable(exception))
        {
            return false;
        }

        string reason = exception.GetBaseException().Message;
        if (Interlocked.Exchange(ref _isAway, 1) == 0)
        {
            ApplicationLog.StoreUnavailable(logger, component, reason);
        }
        else
        {
            ApplicationLog.StoreStillUnavailable(logger, component, reason);
        }

        return true;
    }

    /// <summary>The component's store call succeeded: logs that the store answers again when an outage was logged.</summary>
    public void Succeeded()
    {
        if (Volatile.Read(ref _isAway) == 1 && Interlocked.Exchange(ref _isAway, 0) == 1)
        {
            ApplicationLog.StoreAvailableAgain(logger, component);
        }
    }
}
