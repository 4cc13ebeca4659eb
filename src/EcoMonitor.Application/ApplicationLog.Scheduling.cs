using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoMonitor.Application;

/// <summary>Log messages of the scheduled work shared by the nodes (Scheduling/).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.ScheduledRunFinished, Level = LogLevel.Debug,
        Message = "Scheduled job {Job} ran for slot {Slot} in {ElapsedMs} ms (succeeded: {Succeeded})")]
    public static partial void ScheduledRunFinished(ILogger logger, string job, Instant slot, double elapsedMs, bool succeeded);

    [LoggerMessage(EventId = ApplicationEventIds.ScheduledRunFailed, Level = LogLevel.Error,
        Message = "Scheduled job {Job} failed for slot {Slot}; the next slot runs it again")]
    public static partial void ScheduledRunFailed(ILogger logger, Exception exception, string job, Instant slot);

    [LoggerMessage(EventId = ApplicationEventIds.ScheduledRunTakenOver, Level = LogLevel.Warning,
        Message = "Scheduled job {Job}: took over slot {Slot} (attempt {Attempt}) from a node whose lease ran out")]
    public static partial void ScheduledRunTakenOver(ILogger logger, string job, Instant slot, int attempt);

    [LoggerMessage(EventId = ApplicationEventIds.ScheduledRunLost, Level = LogLevel.Warning,
        Message = "Scheduled job {Job}: lost the claim on slot {Slot} while running (lease not renewed in time); stopped here, another node runs it")]
    public static partial void ScheduledRunLost(ILogger logger, string job, Instant slot);



    [LoggerMessage(EventId = ApplicationEventIds.ScheduledRunStoreFailed, Level = LogLevel.Error,
        Message = "Scheduled job {Job}: the run table could not be read or written")]
    public static partial void ScheduledRunStoreFailed(ILogger logger, Exception exception, string job);
}
