using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Spine")]
public sealed class SubPacketTrackerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly GatewayStats _stats;
    private readonly SubPacketTracker _tracker;

    public SubPacketTrackerTests()
    {
        _stats = new GatewayStats(_services.GetRequiredService<IMeterFactory>());
        _tracker = new SubPacketTracker(Options.Create(new GatewayOptions { SubPacketTimeout = TimeSpan.FromMinutes(2) }), _time, _stats, NullLogger<SubPacketTracker>.Instance);
    }

    [Fact]
    public void AllPacketsArrive_MessageIsCompleteAndForgotten()
    {
        _tracker.Track("MN1", "QN1", 3, 1, new LocalDateTime(2026, 1, 1, 8, 0));
        _tracker.Track("MN1", "QN1", 3, 3, null);
        _tracker.Track("MN1", "QN1", 3, 2, null);

        Assert.Equal(0, _tracker.Pending);
        Assert.Equal(1, _stats.MessagesCompleted);
    }

    [Fact]
    public void PacketWithoutDataTime_TakesTheMessagesDataTime()
    {
        LocalDateTime dataTime = new(2026, 1, 1, 8, 0);
        _tracker.Track("MN1", "QN2", 2, 1, dataTime);

        Assert.Equal(dataTime, _tracker.Track("MN1", "QN2", 2, 2, null));
    }

    [Fact]
    public void RepeatedPacket_DoesNotCompleteTheMessage()
    {
        _tracker.Track("MN1", "QN3", 2, 1, null);
        _tracker.Track("MN1", "QN3", 2, 1, null);

        Assert.Equal(1, _tracker.Pending);
    }

    [Fact]
    public void MissingPacket_IsReportedIncompleteAfterTheTimeout()
    {
        _tracker.Track("MN1", "QN4", 2, 1, null);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, _tracker.Sweep());
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, _tracker.Sweep());
        Assert.Equal(0, _tracker.Pending);
        Assert.Equal(1, _stats.MessagesIncomplete);
    }

    public void Dispose()
    {
        _stats.Dispose();
        _services.Dispose();
    }
}
