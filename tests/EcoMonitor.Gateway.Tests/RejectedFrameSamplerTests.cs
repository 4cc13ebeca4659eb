using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Security")]
public sealed class RejectedFrameSamplerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void BeyondTheRate_OneInNIsArchived_UntilTheWindowEnds()
    {
        RejectedFrameSampler sampler = Create(new GatewayRejectedArchiveOptions { FramesPerWindow = 60, SampleOneIn = 100, Window = TimeSpan.FromMinutes(1) });

        int archived = Enumerable.Range(0, 20_000).Count(_ => sampler.ShouldArchive("10.0.0.9"));
        _time.Advance(TimeSpan.FromMinutes(1));
        int archivedNextWindow = Enumerable.Range(0, 60).Count(_ => sampler.ShouldArchive("10.0.0.9"));

        Assert.Equal(60 + 200, archived);
        Assert.Equal(60, archivedNextWindow);
    }

    [Fact]
    public void Sources_HaveWindowsOfTheirOwn_ForgottenWhenOver()
    {
        RejectedFrameSampler sampler = Create(new GatewayRejectedArchiveOptions { FramesPerWindow = 2, SampleOneIn = 1_000, Window = TimeSpan.FromSeconds(10) });

        bool[] attacker = [.. Enumerable.Range(0, 5).Select(_ => sampler.ShouldArchive("10.0.0.9"))];
        bool other = sampler.ShouldArchive("10.0.0.1");
        _time.Advance(TimeSpan.FromSeconds(10));
        sampler.Sweep();

        Assert.Equal([true, true, true, false, false], attacker);
        Assert.True(other);
        Assert.Equal(0, sampler.TrackedSources);
    }

    [Fact]
    public void ManySources_BeyondTheMemoryBound_ShareOneWindow()
    {
        RejectedFrameSampler sampler = Create(new GatewayRejectedArchiveOptions { FramesPerWindow = 1, SampleOneIn = 1_000, MaxSources = 16 });

        int archived = Enumerable.Range(0, 1_000).Count(i => sampler.ShouldArchive($"10.0.{i / 250}.{i % 250}"));

        Assert.Equal(17, sampler.TrackedSources);
        Assert.Equal(16 + 2, archived);
    }

    private RejectedFrameSampler Create(GatewayRejectedArchiveOptions archive) =>
        new(Options.Create(new GatewayOptions { RejectedArchive = archive }), _time, NullLogger<RejectedFrameSampler>.Instance);
}
