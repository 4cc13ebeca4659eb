namespace EcoMonitor.Standards.Air;

/// <summary>
/// Percentile of daily values, HJ 663-2013 Appendix A (normative; <c>percentile_method</c>, confirmed): sort the n
/// values ascending X(1) ≤ … ≤ X(n); k = 1 + (n − 1)·p/100, s = integer part of k;
/// m_p = X(s) + (X(s+1) − X(s))·(k − s), and m_p = X(n) when s = n. Not nearest rank, not PERCENTILE.EXC.
/// </summary>
public static class Hj663Percentile
{
    /// <summary>The p-th percentile (0 ≤ p ≤ 100) of <paramref name="values"/>, exact; null for no values.</summary>
    public static decimal? Compute(IEnumerable<decimal> values, decimal p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100m);
        decimal[] sorted = [.. values];
        if (sorted.Length == 0)
        {
            return null;
        }

        SortAscending(sorted);
        decimal k = 1m + ((sorted.Length - 1) * p / 100m);
        int s = (int)decimal.Truncate(k);
        return s >= sorted.Length ? sorted[^1] : sorted[s - 1] + ((sorted[s] - sorted[s - 1]) * (k - s));
    }

    /// <summary>
    /// Sorts exactly as <see cref="Array.Sort{T}(T[])"/> would, faster for the usual values: when every value has at
    /// most 6 decimals and fits, by the scaled integer (an order-preserving, exact key) with the decimals carried along.
    /// </summary>
    private static void SortAscending(decimal[] values)
    {
        const decimal Scale = 1_000_000m;
        const decimal MaxKeyed = 9_000_000_000_000m;
        var keys = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            decimal value = values[i];
            if (value.Scale > 6 || Math.Abs(value) >= MaxKeyed)
            {
                Array.Sort(values);
                return;
            }

            keys[i] = (long)(value * Scale);
        }

        Array.Sort(keys, values);
    }
}
