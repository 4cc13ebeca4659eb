namespace EcoMonitor.Standards.Water;

/// <summary>
/// GB 3838-2002 Table 1, classes I–V, transcribed from <c>gb3838-2002-surface-water.json</c> <c>table1_basic_items</c>
/// (confidence: confirmed). Units mg/L, fecal coliform count/L. pH is the range 6–9 in every class; DO limits are
/// lower bounds; all other limits are upper bounds (≤). Indexed by <see cref="SurfaceWaterItem"/>; a test compares
/// this file with the JSON.
/// </summary>
public static class Gb3838Limits
{
    /// <summary>pH range of classes I–V (inclusive).</summary>
    public const decimal PhMin = 6m;

    /// <summary>pH range of classes I–V (inclusive).</summary>
    public const decimal PhMax = 9m;

    /// <summary>Limits of classes I..V per item; the pH row holds the range bounds only for completeness.</summary>
    public static readonly decimal[][] Rows =
    [
        [9m, 9m, 9m, 9m, 9m],                              // pH (6–9)
        [7.5m, 6m, 5m, 3m, 2m],                            // DO (≥)
        [2m, 4m, 6m, 10m, 15m],                            // CODMn
        [15m, 15m, 20m, 30m, 40m],                         // COD
        [3m, 3m, 4m, 6m, 10m],                             // BOD5
        [0.15m, 0.5m, 1.0m, 1.5m, 2.0m],                   // NH3N
        [0.02m, 0.1m, 0.2m, 0.3m, 0.4m],                   // TP, rivers
        [0.2m, 0.5m, 1.0m, 1.5m, 2.0m],                    // TN
        [0.01m, 1.0m, 1.0m, 1.0m, 1.0m],                   // Cu
        [0.05m, 1.0m, 1.0m, 2.0m, 2.0m],                   // Zn
        [1.0m, 1.0m, 1.0m, 1.5m, 1.5m],                    // F
        [0.01m, 0.01m, 0.01m, 0.02m, 0.02m],               // Se
        [0.05m, 0.05m, 0.05m, 0.1m, 0.1m],                 // As
        [0.00005m, 0.00005m, 0.0001m, 0.001m, 0.001m],     // Hg
        [0.001m, 0.005m, 0.005m, 0.005m, 0.01m],           // Cd
        [0.01m, 0.05m, 0.05m, 0.05m, 0.1m],                // Cr6
        [0.01m, 0.01m, 0.05m, 0.05m, 0.1m],                // Pb
        [0.005m, 0.05m, 0.2m, 0.2m, 0.2m],                 // CN
        [0.002m, 0.002m, 0.005m, 0.01m, 0.1m],             // VPhenol
        [0.05m, 0.05m, 0.05m, 0.5m, 1.0m],                 // Oil
        [0.2m, 0.2m, 0.2m, 0.3m, 0.3m],                    // LAS
        [0.05m, 0.1m, 0.2m, 0.5m, 1.0m],                   // Sulfide
        [200m, 2000m, 10000m, 20000m, 40000m],             // FecalColi
    ];

    /// <summary>TP limits of lakes and reservoirs, classes I..V (Table 1 item 8, 湖、库).</summary>
    public static readonly decimal[] LakeTotalPhosphorus = [0.01m, 0.025m, 0.05m, 0.1m, 0.2m];

    /// <summary>The limits of <paramref name="item"/> for <paramref name="body"/>.</summary>
    public static decimal[] For(SurfaceWaterItem item, WaterBody body) =>
        item == SurfaceWaterItem.TP && body == WaterBody.Lake ? LakeTotalPhosphorus : Rows[(int)item];
}
