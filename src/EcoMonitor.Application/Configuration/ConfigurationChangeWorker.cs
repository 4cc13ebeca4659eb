using System.Diagnostics;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application.Configuration;

/// <summary>
/// Keeps this node's cached configuration in step with the shared store: listens to <see cref="IConfigurationChanges"/>
/// and reloads what changed — the station registry (<see cref="StationRegistry.LoadAsync"/>) for
/// <see cref="ConfigurationTopic.Stations"/>, the alarm rules and permit limits (<see cref="AlarmRuleSet.RefreshAsync"/>)
/// for the other topics. A station registered, deactivated or given a new password through another node, or a permit
/// limit lowered there, is thereby applied by this node within about a second (docs/deploy.md §6, docs/adr/0028). A
/// failed reload propagates into the listener, which logs it and starts again with a full reload.
/// </summary>
internal sealed class ConfigurationChangeWorker(
    IConfigurationChanges changes, StationRegistry registry, AlarmRuleSet rules, ILogger<ConfigurationChangeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await changes.ListenAsync(ReloadAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ReloadAsync(ConfigurationTopic topic, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        switch (topic)
        {
            case ConfigurationTopic.Stations:
                await registry.LoadAsync(cancellationToken);
                break;
            case ConfigurationTopic.AlarmRules:
            case ConfigurationTopic.PermitLimits:
                await rules.RefreshAsync(cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(topic), topic, "Unknown configuration topic.");
        }

        double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ApplicationLog.ConfigurationReloaded(logger, topic, elapsedMs);
    }
}
