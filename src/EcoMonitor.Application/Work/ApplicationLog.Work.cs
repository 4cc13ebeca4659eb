using EcoMonitor.Application.Work;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of the durable background work (docs/adr/0027).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.WorkSetAside, Level = LogLevel.Error,
        Message = "{Kind} work on {Day} is set aside after {Attempts} failed attempts (set-aside id {Id}; GET /api/v1/work/set-aside); the rest goes on")]
    public static partial void WorkSetAside(ILogger logger, Exception exception, WorkKind kind, WorkDay day, int attempts, long id);

    [LoggerMessage(EventId = ApplicationEventIds.WorkAttemptFailed, Level = LogLevel.Warning,
        Message = "{Kind} work on {Day} failed (attempt {Attempts} of {MaxAttempts}); the rest goes on, this is tried again in {Delay}")]
    public static partial void WorkAttemptFailed(ILogger logger, Exception exception, WorkKind kind, WorkDay day, int attempts, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = ApplicationEventIds.WorkStoreFailed, Level = LogLevel.Error,
        Message = "{Kind} work: the store failed; {Items} items stay pending and are tried again in {Delay}")]
    public static partial void WorkStoreFailed(ILogger logger, Exception exception, WorkKind kind, int items, TimeSpan delay);

    [LoggerMessage(EventId = ApplicationEventIds.WorkRecovered, Level = LogLevel.Information,
        Message = "{Kind} work: took up {Days} station-days left pending in the store")]
    public static partial void WorkRecovered(ILogger logger, WorkKind kind, int days);

    [LoggerMessage(EventId = ApplicationEventIds.WorkCompletionFailed, Level = LogLevel.Warning,
        Message = "{Kind} work: recording {Marks} completed station-days in the store failed; tried again in {Delay}")]
    public static partial void WorkCompletionFailed(ILogger logger, Exception exception, WorkKind kind, int marks, TimeSpan delay);

    [LoggerMessage(EventId = ApplicationEventIds.WorkStartupDone, Level = LogLevel.Information,
        Message = "{Kind} work: what was pending at start is done, {Elapsed} after the worker was created")]
    public static partial void WorkStartupDone(ILogger logger, WorkKind kind, TimeSpan elapsed);
}
