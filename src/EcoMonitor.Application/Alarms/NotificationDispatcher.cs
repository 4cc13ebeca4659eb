using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Sends due outbox messages through the senders of their channel kind. A failure is recorded on the message (attempts,
/// last error) and retried after <see cref="AlarmOptions.RetryBaseDelay"/> doubled per attempt (at most
/// <see cref="AlarmOptions.RetryMaxDelay"/>); after <see cref="AlarmOptions.MaxAttempts"/> the message is dead but kept.
/// The alarm itself was stored before any of this, so an endpoint that fails never loses it.
/// Several nodes sharing one database: a pass (read the due messages, send, record the outcome) runs only on the node
/// that holds the cluster lock <see cref="LockName"/>; a node that finds it taken skips the pass, so a message is
/// sent by one node, once per attempt (docs/adr/0012).
/// </summary>
internal sealed class NotificationDispatcher(
    IAlarmStore store, IClusterLock clusterLock, AlarmRuleSet rules, IEnumerable<INotificationSender> senders, NotificationWakeup wakeup, IOptions<AlarmOptions> options,
    IStoreHealth health, TimeProvider timeProvider, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly StoreOutageLog _outage = new(health, logger, "notification dispatcher");

    /// <summary>The cluster lock held while due notifications are sent.</summary>
    public const string LockName = "alarms.notify";

    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        AlarmOptions settings = options.Value;
        var byKind = senders.ToDictionary(s => s.Kind);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wakeup.WaitAsync(settings.NotificationPollInterval, timeProvider, stoppingToken);
                await using IAsyncDisposable? held = await clusterLock.TryAcquireAsync(LockName, stoppingToken);
                if (held is not null)
                {
                    await SendDueAsync(settings, byKind, stoppingToken);
                }

                _outage.Succeeded();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The outbox could not be read or updated (e.g. store away): logged (an outage once), retried on the next poll.
                if (!_outage.TryLogUnavailable(exception))
                {
                    ApplicationLog.NotificationPassFailed(logger, exception);
                }
            }
        }
    }

    private async Task SendDueAsync(AlarmOptions settings, Dictionary<NotificationChannelKind, INotificationSender> byKind, CancellationToken stoppingToken)
    {
        IReadOnlyList<OutboxMessage> due = await store.DueNotificationsAsync(Now(), BatchSize, stoppingToken);
        foreach (OutboxMessage message in due)
        {
            int attempt = message.Attempts + 1;
            string? error = null;
            if (!rules.Current.Channels.TryGetValue(message.ChannelId, out NotificationChannel? channel))
            {
                error = $"channel '{message.ChannelId}' is no longer configured";
            }
            else if (!byKind.TryGetValue(channel.Kind, out INotificationSender? sender))
            {
                error = $"no sender for {AlarmNames.Of(channel.Kind)} channels in this host";
            }
            else
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(settings.SendTimeout);
                try
                {
                    await sender.SendAsync(channel, message, timeout.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Recorded on the message and retried with back-off; never lost.
                    error = exception is OperationCanceledException ? $"timed out after {settings.SendTimeout}" : exception.Message;
                }
            }

            Instant now = Now();
            if (error is null)
            {
                await store.UpdateNotificationAsync(message with { Status = OutboxStatus.Delivered, Attempts = attempt, DeliveredAt = now }, stoppingToken);
                ApplicationLog.NotificationDelivered(logger, message.Id, message.AlarmId, message.ChannelId, attempt);
            }
            else if (attempt >= settings.MaxAttempts)
            {
                await store.UpdateNotificationAsync(message with { Status = OutboxStatus.Dead, Attempts = attempt, LastError = error }, stoppingToken);
                ApplicationLog.NotificationDead(logger, message.Id, message.AlarmId, message.ChannelId, attempt, error);
            }
            else
            {
                Instant next = now + Duration.FromTimeSpan(Backoff(settings, attempt));
                await store.UpdateNotificationAsync(message with { Attempts = attempt, LastError = error, NextAttemptAt = next }, stoppingToken);
                ApplicationLog.NotificationFailed(logger, message.Id, message.AlarmId, message.ChannelId, attempt, error, next);
            }
        }
    }

    /// <summary>Delay after the <paramref name="attempt"/>-th failure: base × 2^(attempt-1), at most the maximum.</summary>
    internal static TimeSpan Backoff(AlarmOptions settings, int attempt)
    {
        double factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        double ticks = Math.Min(settings.RetryBaseDelay.Ticks * factor, settings.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private Instant Now() => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
}
