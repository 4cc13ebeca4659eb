using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of the alarm runtime (event ids 3000s).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.AlarmRaised, Level = LogLevel.Warning,
        Message = "Alarm {AlarmId} raised: rule {RuleId} at {Subject}, peak {Peak} against limit {Limit}")]
    public static partial void AlarmRaised(ILogger logger, long alarmId, string ruleId, string subject, decimal? peak, decimal? limit);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmCleared, Level = LogLevel.Information,
        Message = "Alarm {AlarmId} cleared: rule {RuleId} at {Subject}")]
    public static partial void AlarmCleared(ILogger logger, long alarmId, string ruleId, string subject);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmRuleFileProblem, Level = LogLevel.Error,
        Message = "Alarm rule file {Path}: {Problem}")]
    public static partial void AlarmRuleFileProblem(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmRulesLoaded, Level = LogLevel.Information,
        Message = "Alarm rules loaded: {Rules} enabled rules, {Channels} channels, {Permits} permit limits; {Seeded} seeded from {Path}")]
    public static partial void AlarmRulesLoaded(ILogger logger, int rules, int channels, int permits, int seeded, string path);

    [LoggerMessage(EventId = ApplicationEventIds.NotificationFailed, Level = LogLevel.Warning,
        Message = "Notification {MessageId} of alarm {AlarmId} to channel {ChannelId} failed (attempt {Attempt}): {Error}; next attempt at {NextAttempt}")]
    public static partial void NotificationFailed(ILogger logger, long messageId, long alarmId, string channelId, int attempt, string error, NodaTime.Instant nextAttempt);

    [LoggerMessage(EventId = ApplicationEventIds.NotificationDelivered, Level = LogLevel.Information,
        Message = "Notification {MessageId} of alarm {AlarmId} delivered to channel {ChannelId} (attempt {Attempt})")]
    public static partial void NotificationDelivered(ILogger logger, long messageId, long alarmId, string channelId, int attempt);

    [LoggerMessage(EventId = ApplicationEventIds.NotificationDead, Level = LogLevel.Error,
        Message = "Notification {MessageId} of alarm {AlarmId} to channel {ChannelId} given up after {Attempts} attempts: {Error}")]
    public static partial void NotificationDead(ILogger logger, long messageId, long alarmId, string channelId, int attempts, string error);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmCheckFailed, Level = LogLevel.Error,
        Message = "Periodic alarm check (silence, AQI, deadlines) failed; retried on the next tick")]
    public static partial void AlarmCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ApplicationEventIds.NotificationPassFailed, Level = LogLevel.Error,
        Message = "Notification dispatcher could not read or update the outbox; retried on the next poll")]
    public static partial void NotificationPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmInvalidated, Level = LogLevel.Information,
        Message = "Alarm {AlarmId} invalidated by review decision {DecisionId}: rule {RuleId} at {Subject}, closed {IsClosed}")]
    public static partial void AlarmInvalidated(ILogger logger, long alarmId, string ruleId, string subject, long decisionId, bool isClosed);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmReviewEvaluated, Level = LogLevel.Debug,
        Message = "Alarms re-evaluated after review decision {DecisionId} of station {Station}")]
    public static partial void AlarmReviewEvaluated(ILogger logger, long decisionId, string station);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmReviewsFailed, Level = LogLevel.Error,
        Message = "Alarm re-evaluation of pending review decisions failed; they stay queued in the store and are retried")]
    public static partial void AlarmReviewsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ApplicationEventIds.AlarmSecurityFailed, Level = LogLevel.Error,
        Message = "Security alarms for {Bursts} bursts of failures failed; the bursts are kept and retried")]
    public static partial void AlarmSecurityFailed(ILogger logger, Exception exception, int bursts);
}
