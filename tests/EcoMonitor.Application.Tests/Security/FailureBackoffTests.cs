using EcoMonitor.Application.Security;
using Microsoft.Extensions.Time.Testing;

namespace EcoMonitor.Application.Tests.Security;

[Trait("Area", "Security")]
public sealed class FailureBackoffTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FreeFailures_CostNothing_ThenTheDelayDoublesUpToTheCap()
    {
        FailureBackoff backoff = Create();
        var waits = new List<double>();
        for (int attempt = 0; attempt < 12; attempt++)
        {
            TimeSpan wait = backoff.Reserve("k")!.Value;
            waits.Add(wait.TotalSeconds);
            _time.Advance(wait);
            backoff.Failed("k");
        }

        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30], waits);
    }

    [Fact]
    public void ParallelAttempts_OfOneKey_GetOneTurnPerDelay_AndNoneQueueBeyondIt()
    {
        FailureBackoff backoff = Create();
        for (int i = 0; i < 20; i++)
        {
            backoff.Failed("k");
        }

        double?[] turns = [.. Enumerable.Range(0, 4).Select(_ => backoff.Reserve("k")?.TotalSeconds)];
        _time.Advance(TimeSpan.FromSeconds(30));
        double? next = backoff.Reserve("k")?.TotalSeconds;

        Assert.Equal([30, null, null, null], turns);
        Assert.Equal(30, next);
    }

    [Fact]
    public void Success_ClearsTheKey_AndOtherKeysAreNotSlowed()
    {
        FailureBackoff backoff = Create();
        for (int i = 0; i < 8; i++)
        {
            backoff.Failed("attacked");
        }

        Assert.Equal(TimeSpan.Zero, backoff.Reserve("other"));
        Assert.True(backoff.Reserve("attacked") > TimeSpan.Zero);

        backoff.Succeeded("attacked");

        Assert.Equal(TimeSpan.Zero, backoff.Reserve("attacked"));
        Assert.Equal(0, backoff.Failures("attacked"));
    }

    [Fact]
    public void Failures_AreForgottenAfterTheWindow()
    {
        FailureBackoff backoff = Create();
        for (int i = 0; i < 8; i++)
        {
            backoff.Failed("k");
        }

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, backoff.Reserve("k"));
        Assert.Equal(0, backoff.Failures("k"));
    }

    [Fact]
    public void BeyondMaxKeys_TheKeysThatFailedLongestAgoAreForgotten_AndAKeyNotTrackedIsNeverHeldBack()
    {
        FailureBackoff backoff = new(new FailureBackoffOptions { MaxKeys = 20 }, _time);
        for (int i = 0; i < 20; i++)
        {
            backoff.Failed("k" + i);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        for (int i = 0; i < 10; i++)
        {
            for (int failure = 0; failure < 8; failure++)
            {
                backoff.Failed("attacker" + i);
            }
        }

        Assert.InRange(backoff.TrackedKeys, 1, 20);
        Assert.Equal(TimeSpan.Zero, backoff.Reserve("admin"));
        Assert.Equal(0, backoff.Failures("k0"));
        Assert.Equal(1, backoff.Failures("k19"));
        Assert.Equal(8, backoff.Failures("attacker9"));
    }

    private FailureBackoff Create() => new(new FailureBackoffOptions(), _time);
}
