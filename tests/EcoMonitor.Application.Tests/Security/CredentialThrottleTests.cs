using EcoMonitor.Application.Security;
using Microsoft.Extensions.Time.Testing;

namespace EcoMonitor.Application.Tests.Security;

[Trait("Area", "Security")]
public sealed class CredentialThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AttackerOnOneAccount_IsRefused_WhileTheOwnerAtTheirProvenAddressIsNot()
    {
        CredentialThrottle throttle = new(new FailureBackoffOptions(), _time);
        throttle.Succeeded("admin", "192.0.2.10");
        for (int i = 0; i < 8; i++)
        {
            throttle.Failed("admin", "198.51.100." + i);
        }

        bool isAttackerServed = throttle.TryTakeTurn("Admin", "198.51.100.99", out TimeSpan retryAfter);
        bool isOwnerServed = throttle.TryTakeTurn("admin", "192.0.2.10", out _);

        Assert.False(isAttackerServed);
        Assert.True(retryAfter > TimeSpan.Zero);
        Assert.True(isOwnerServed);
    }

    [Fact]
    public void OneAddressTryingManyAccounts_IsRefusedByItsAddress()
    {
        CredentialThrottle throttle = new(new FailureBackoffOptions(), _time);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(throttle.TryTakeTurn("user" + i, "198.51.100.1", out _));
            throttle.Failed("user" + i, "198.51.100.1");
        }

        Assert.False(throttle.TryTakeTurn("someone-else", "198.51.100.1", out _));
        Assert.True(throttle.TryTakeTurn("someone-else", "198.51.100.2", out _));
    }

    [Fact]
    public void RefusedAttempts_DoNotPushTheTurnFurtherOut()
    {
        CredentialThrottle throttle = new(new FailureBackoffOptions(), _time);
        for (int i = 0; i < 6; i++)
        {
            throttle.Failed("admin", "198.51.100.1");
        }

        Assert.False(throttle.TryTakeTurn("admin", "198.51.100.1", out TimeSpan first));
        for (int i = 0; i < 100; i++)
        {
            throttle.TryTakeTurn("admin", "198.51.100.1", out _);
        }

        Assert.False(throttle.TryTakeTurn("admin", "198.51.100.1", out TimeSpan later));
        Assert.Equal(first, later);
        _time.Advance(first);
        Assert.True(throttle.TryTakeTurn("admin", "198.51.100.1", out _));
    }

    [Fact]
    public void ProvenAddress_StaysExemptForADay_NotLonger()
    {
        CredentialThrottle throttle = new(new FailureBackoffOptions(), _time);
        throttle.Succeeded("1001A", "192.0.2.10");
        _time.Advance(TimeSpan.FromHours(23));
        for (int i = 0; i < 10; i++)
        {
            throttle.Failed("1001A", "198.51.100.1");
        }

        Assert.True(throttle.TryTakeTurn("1001A", "192.0.2.10", out _));
        _time.Advance(TimeSpan.FromHours(2));
        for (int i = 0; i < 10; i++)
        {
            throttle.Failed("1001A", "198.51.100.1");
        }

        Assert.False(throttle.TryTakeTurn("1001A", "192.0.2.10", out TimeSpan wait));
        Assert.True(wait > TimeSpan.Zero);
    }
}
