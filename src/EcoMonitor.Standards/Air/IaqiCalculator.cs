namespace EcoMonitor.Standards.Air;

/// <summary>
/// The individual air quality index of one concentration, HJ 633-2012 clause 4.2 eq. (1):
/// IAQI = (IAQI_Hi − IAQI_Lo) / (BP_Hi − BP_Lo) × (C − BP_Lo) + IAQI_Lo, BP_Lo ≤ C ≤ BP_Hi adjacent breakpoints of
/// <see cref="IaqiBreakpoints"/>, rounded up to an integer (进位取整; <c>recalled</c>, confirmed by the 2019 CNEMC data,
/// see docs/standards.md). Exact decimal arithmetic: CO 24-h 2.2 mg/m³ gives 55, not the 56 of a double.
/// Pure, thread-safe, allocation-free.
/// </summary>
public static class IaqiCalculator
{
    // 10^scale for the integer path; a 32-bit mantissa times 10^9 and an IAQI step of 100 stay far inside a long.
    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    // Table 1 breakpoints are all integers, so they are kept as longs for the integer path.
    private static readonly long[][] IntegerRows =
        [.. IaqiBreakpoints.Rows.Select(row => row.Select(bp => (long)bp).ToArray())];

    /// <summary>
    /// IAQI of <paramref name="concentration"/> (µg/m³, CO mg/m³) on <paramref name="table"/>. At a breakpoint the
    /// IAQI is that column's value. Above the last breakpoint: <see cref="IaqiStatus.NotApplicable"/> for the
    /// SO2 1-h and O3 8-h rows (Table 1 notes 2 and 3), otherwise 500 with <see cref="IaqiStatus.AboveTable"/>.
    /// </summary>
    public static IaqiResult Compute(IaqiTable table, decimal concentration)
    {
        if (concentration < 0m)
        {
            return new IaqiResult(0, IaqiStatus.Missing);
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(concentration, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        return bits[1] == 0 && bits[2] == 0 && scale < Pow10.Length
            ? ComputeScaled((uint)bits[0], scale, IntegerRows[(int)table])
            : ComputeDecimal(table, concentration);
    }

    /// <summary><see cref="Compute(IaqiTable, decimal)"/> of an optional concentration; null gives <see cref="IaqiStatus.Missing"/>.</summary>
    public static IaqiResult Compute(IaqiTable table, decimal? concentration) =>
        concentration is { } c ? Compute(table, c) : new IaqiResult(0, IaqiStatus.Missing);

    /// <summary>
    /// The same arithmetic in integers: C = mantissa / 10^scale with every breakpoint an integer, so
    /// IAQI_Lo + ceil((IAQI_Hi − IAQI_Lo)·(mantissa − BP_Lo·10^scale) / ((BP_Hi − BP_Lo)·10^scale)) is exact
    /// and needs no decimal division (the hot path of the real-time AQI).
    /// </summary>
    private static IaqiResult ComputeScaled(long mantissa, int scale, long[] bp)
    {
        long unit = Pow10[scale];
        int[] levels = IaqiBreakpoints.Levels;
        for (int hi = 1; hi < bp.Length; hi++)
        {
            long bpHi = bp[hi] * unit;
            if (mantissa <= bpHi)
            {
                long bpLo = bp[hi - 1] * unit;
                long rise = (levels[hi] - levels[hi - 1]) * (mantissa - bpLo);
                long run = bpHi - bpLo;
                return new IaqiResult(levels[hi - 1] + (int)((rise + run - 1) / run), IaqiStatus.Computed);
            }
        }

        return Beyond(bp.Length);
    }

    private static IaqiResult ComputeDecimal(IaqiTable table, decimal concentration)
    {
        decimal[] bp = IaqiBreakpoints.Rows[(int)table];
        int[] levels = IaqiBreakpoints.Levels;
        for (int hi = 1; hi < bp.Length; hi++)
        {
            decimal bpHi = bp[hi];
            if (concentration <= bpHi)
            {
                decimal bpLo = bp[hi - 1];
                int iaqiLo = levels[hi - 1];

                // Multiply before dividing: the quotient is then exact whenever it is an integer, so the
                // ceiling never rounds an exact breakpoint value up.
                decimal rise = (levels[hi] - iaqiLo) * (concentration - bpLo);
                int step = (int)decimal.Ceiling(rise / (bpHi - bpLo));
                return new IaqiResult(iaqiLo + step, IaqiStatus.Computed);
            }
        }

        return Beyond(bp.Length);
    }

    private static IaqiResult Beyond(int rowLength) => rowLength == IaqiBreakpoints.Levels.Length
        ? new IaqiResult(IaqiBreakpoints.Levels[^1], IaqiStatus.AboveTable)
        : new IaqiResult(0, IaqiStatus.NotApplicable);
}
