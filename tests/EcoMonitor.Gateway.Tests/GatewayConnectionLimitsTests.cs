using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Security")]
public sealed class GatewayConnectionLimitsTests
{
    [Theory]
    [InlineData(20_000, 5_000, 15_000, 750)]
    [InlineData(2_048, 1_024, 1_024, 51)]
    [InlineData(1_024, 512, 512, 32)]
    [InlineData(4_096, 1_024, 3_072, 153)]
    [InlineData(1_048_576, 262_144, 100_000, 5_000)]
    [InlineData(int.MaxValue, int.MaxValue / 4, 100_000, 5_000)]
    public void Derive_FromTheFileHandleLimit_KeepsAReserveAndCaps(int fileHandles, int reserved, int max, int perAddress)
    {
        var limits = GatewayConnectionLimits.Derive(new GatewayOptions(), fileHandles, "test");

        Assert.Equal((reserved, max, perAddress, false), (limits.Reserved, limits.MaxConnections, limits.MaxConnectionsPerAddress, limits.WasLowered));
    }

    [Fact]
    public void Derive_ConfiguredLimitAboveTheFileHandles_IsLowered()
    {
        var limits = GatewayConnectionLimits.Derive(new GatewayOptions { MaxConnections = 30_000 }, 20_000, "test");

        Assert.True(limits.WasLowered);
        Assert.Equal(15_000, limits.MaxConnections);
    }

    [Fact]
    public void Derive_ConfiguredValues_AreKept_PerAddressNeverAboveTheGlobalLimit()
    {
        GatewayOptions options = new() { MaxConnections = 200, MaxConnectionsPerAddress = 500, ReservedFileHandles = 100 };

        var limits = GatewayConnectionLimits.Derive(options, 1_000, "test");

        Assert.Equal((100, 200, 200, false), (limits.Reserved, limits.MaxConnections, limits.MaxConnectionsPerAddress, limits.WasLowered));
    }

    [Theory]
    [InlineData("Max open files            20000                20000                files     ", 20_000)]
    [InlineData("Max open files            unlimited            unlimited            files     ", int.MaxValue)]
    [InlineData("Max open files            99999999999          99999999999          files     ", int.MaxValue)]
    public void FileHandleLimit_ReadsTheSoftLimit(string line, int expected)
    {
        Assert.True(FileHandleLimit.TryParse(line, out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Max processes             95191                95191                processes ")]
    [InlineData("Max open files            -1                   -1                   files     ")]
    [InlineData("Max open files")]
    public void FileHandleLimit_OtherLines_AreNotRead(string line) => Assert.False(FileHandleLimit.TryParse(line, out _));

    [Fact]
    public void FileHandleLimit_OfThisProcess_IsPositive() => Assert.True(FileHandleLimit.OfThisProcess().Value > 0);

    [Fact]
    public void Limiter_RefusesAtTheGlobalAndThePerAddressLimit_AndReleases()
    {
        ConnectionLimiter limiter = new(GatewayConnectionLimits.Derive(new GatewayOptions { MaxConnections = 3, MaxConnectionsPerAddress = 2 }, 1_000, "test"));

        Assert.Equal(ConnectionRefusal.None, limiter.TryAcquire("10.0.0.1"));
        Assert.Equal(ConnectionRefusal.None, limiter.TryAcquire("10.0.0.1"));
        Assert.Equal(ConnectionRefusal.AddressLimit, limiter.TryAcquire("10.0.0.1"));
        Assert.Equal(ConnectionRefusal.None, limiter.TryAcquire("10.0.0.2"));
        Assert.Equal(ConnectionRefusal.Limit, limiter.TryAcquire("10.0.0.3"));

        limiter.Release("10.0.0.1");

        Assert.Equal(ConnectionRefusal.None, limiter.TryAcquire("10.0.0.3"));
        Assert.Equal(3, limiter.Held);
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void SourceKey_IsTheIPv4AddressOrTheIPv6Prefix(string address, string key) =>
        Assert.Equal(key, GatewaySource.Key(new IPEndPoint(IPAddress.Parse(address), 50_000)));

    [Fact]
    public void LogThrottle_LetsOneLinePerIntervalThrough_WithTheCount_AndFlushesWhatWasHeldBack()
    {
        FakeTimeProvider time = new();
        LogThrottle throttle = new(time, TimeSpan.FromSeconds(10));
        IPEndPoint from = new(IPAddress.Loopback, 1);

        Assert.True(throttle.TryEnter(from, out long count));
        Assert.Equal(1, count);
        for (int i = 0; i < 500; i++)
        {
            Assert.False(throttle.TryEnter(from, out _));
        }

        Assert.False(throttle.TryFlush(out _, out _));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(throttle.TryFlush(out count, out EndPoint? latest));
        Assert.Equal((500, from), (count, latest));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(throttle.TryFlush(out _, out _));
        Assert.True(throttle.TryEnter(from, out count));
        Assert.Equal(1, count);
    }
}
