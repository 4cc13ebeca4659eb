using Microsoft.Extensions.Hosting;

namespace EcoMonitor.Gateway;

/// <summary>
/// Every few seconds, even when traffic stops: reports incomplete split messages (<see cref="SubPacketTracker.Sweep"/>)
/// ends the windows of the rejected-frame archive with their summaries (<see cref="RejectedFrameSampler.Sweep"/>), and
/// logs what a stopped flood of refused or closed connections left unreported (<see cref="ConnectionReports.Flush"/>).
/// </summary>
internal sealed class GatewaySweeper(SubPacketTracker tracker, RejectedFrameSampler sampler, ConnectionReports connections, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            tracker.Sweep();
            sampler.Sweep();
            connections.Flush();
        }
    }
}
