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

    [Fact]
    public void Compute_RandomValuesOfEveryScale_EqualsAppendixAOnAPlainSort()
    {
        var random = new Random(663);
        for (int run = 0; run < 500; run++)
        {
            int scale = random.Next(0, 9);
            decimal[] values = [.. Enumerable.Range(0, random.Next(1, 400)).Select(_ =>
                new decimal(random.Next(0, 2_000_000), 0, 0, random.Next(20) == 0, (byte)scale) * (random.Next(50) == 0 ? 1e10m : 1m))];
            decimal p = random.Next(0, 101);

            Assert.Equal(AppendixA(values, p), Hj663Percentile.Compute(values, p));
        }
    }

    /// <summary>Appendix A on <see cref="Array.Sort{T}(T[])"/>: the reference for the faster sort.</summary>
    private static decimal AppendixA(decimal[] values, decimal p)
    {
        decimal[] x = [.. values];
        Array.Sort(x);
        decimal k = 1m + ((x.Length - 1) * p / 100m);
        int s = (int)decimal.Truncate(k);
        return s >= x.Length ? x[^1] : x[s - 1] + ((x[s] - x[s - 1]) * (k - s));
    }
}
