using Microsoft.Extensions.Hosting;

namespace EcoMonitor.Gateway;

/// <summary>Runs <see cref="SubPacketTracker.Sweep"/> every few seconds so incomplete messages are reported even when traffic stops.</summary>
internal sealed class SubPacketSweeper(SubPacketTracker tracker, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            tracker.Sweep();
        }
    }
}
