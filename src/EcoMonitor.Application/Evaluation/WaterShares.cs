using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Application.Evaluation;

/// <summary>Shares of sections as the water figures give them.</summary>
public static class WaterShares
{
    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100 %, 1 decimal (GB/T 8170); 0 when <paramref name="whole"/> is 0.</summary>
    public static decimal Percent(int part, int whole) => whole == 0 ? 0m : GbT8170.Round(part * 100m / whole, 1);
}
