using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 663-2013 Appendix A: k = 1 + (n − 1)·p/100 with linear interpolation.</summary>
[Trait("Area", "Standards")]
public sealed class Hj663PercentileTests
{
    [Fact]
    public void Compute_AppendixExample_Gives95Point5Reported96()
    {
        decimal[] values = [100m, 10m, 20m, 30m, 40m, 50m, 60m, 70m, 80m, 90m];

        decimal? p95 = Hj663Percentile.Compute(values, 95m);

        Assert.Equal(95.5m, p95);
        Assert.Equal(96m, GbT8170.Round(p95!.Value, 0));
    }

    [Fact]
    public void Compute_SIsN_GivesTheMaximum()
    {
        Assert.Equal(7m, Hj663Percentile.Compute([3m, 7m, 5m], 100m));
        Assert.Equal(4m, Hj663Percentile.Compute([4m], 90m));
        Assert.Null(Hj663Percentile.Compute([], 90m));
    }

    [Fact]
    public void Compute_IsNotNearestRank()
    {
        // n = 365, p = 90: k = 328.6, between X(328) and X(329).
        decimal[] values = [.. Enumerable.Range(1, 365).Select(i => (decimal)i)];

        Assert.Equal(328.6m, Hj663Percentile.Compute(values, 90m));
    }
}
