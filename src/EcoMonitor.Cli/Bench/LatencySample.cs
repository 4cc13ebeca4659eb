using System.Globalization;

namespace EcoMonitor.Cli.Bench;

/// <summary>Latencies of a series of requests, in milliseconds, with the number that failed.</summary>
internal sealed class LatencySample
{
    private readonly List<double> _milliseconds = [];

    /// <summary>Requests answered with success.</summary>
    public int Succeeded => _milliseconds.Count;

    /// <summary>Requests that failed (error status, refused, timed out).</summary>
    public int Failed { get; private set; }

    public void Add(TimeSpan latency) => _milliseconds.Add(latency.TotalMilliseconds);

    public void AddFailure() => Failed++;

    /// <summary>The <paramref name="percent"/>-th percentile (nearest rank), NaN when nothing succeeded.</summary>
    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. _milliseconds.Order()];
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>"p50 1.2 ms, p99 4.5 ms (200 ok, 0 failed)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):F1} ms, p99 {Percentile(99):F1} ms, max {Percentile(100):F1} ms ({Succeeded} ok, {Failed} failed)");
}
