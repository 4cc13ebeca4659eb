namespace EcoMonitor.Standards.Groundwater;

/// <summary>
/// GB/T 14848-2017 Table 1 (conventional items), transcribed from <c>gbt14848-2017-groundwater.json</c>
/// <c>table1_conventional_items</c> (confidence: recalled; class III of 12 items corroborated). The 36 items with ≤ limits;
/// odour/taste (2) and visible matter (4) are presence checks, not numbers, and are left out; pH (5) is a range
/// handled by <see cref="GroundwaterClassifier"/>. Anionic surfactant class I is "not detectable", kept as 0.
/// A test compares this file with the JSON.
/// </summary>
public static class Gbt14848Limits
{
    /// <summary>The numeric items in Table 1 order.</summary>
    public static readonly GroundwaterItemLimits[] Rows =
    [
        new("Color", 1, "Pt-Co", [5m, 5m, 15m, 25m]),
        new("Turbidity", 3, "NTU", [3m, 3m, 3m, 10m]),
        new("TotalHardness", 6, "mg/L", [150m, 300m, 450m, 650m]),
        new("TDS", 7, "mg/L", [300m, 500m, 1000m, 2000m]),
        new("Sulfate", 8, "mg/L", [50m, 150m, 250m, 350m]),
        new("Chloride", 9, "mg/L", [50m, 150m, 250m, 350m]),
        new("Fe", 10, "mg/L", [0.1m, 0.2m, 0.3m, 2.0m]),
        new("Mn", 11, "mg/L", [0.05m, 0.05m, 0.10m, 1.50m]),
        new("Cu", 12, "mg/L", [0.01m, 0.05m, 1.00m, 1.50m]),
        new("Zn", 13, "mg/L", [0.05m, 0.5m, 1.00m, 5.00m]),
        new("Al", 14, "mg/L", [0.01m, 0.05m, 0.20m, 0.50m]),
        new("VPhenol", 15, "mg/L", [0.001m, 0.001m, 0.002m, 0.01m]),
        new("LAS", 16, "mg/L", [0m, 0.1m, 0.3m, 0.3m]),
        new("CODMn", 17, "mg/L", [1.0m, 2.0m, 3.0m, 10.0m]),
        new("NH3N", 18, "mg/L", [0.02m, 0.10m, 0.50m, 1.50m]),
        new("Sulfide", 19, "mg/L", [0.005m, 0.01m, 0.02m, 0.10m]),
        new("Na", 20, "mg/L", [100m, 150m, 200m, 400m]),
        new("TotalColiform", 21, "MPN/100mL", [3.0m, 3.0m, 3.0m, 100m]),
        new("TotalBacteria", 22, "CFU/mL", [100m, 100m, 100m, 1000m]),
        new("Nitrite_N", 23, "mg/L", [0.01m, 0.10m, 1.00m, 4.80m]),
        new("Nitrate_N", 24, "mg/L", [2.0m, 5.0m, 20.0m, 30.0m]),
        new("CN", 25, "mg/L", [0.001m, 0.01m, 0.05m, 0.1m]),
        new("F", 26, "mg/L", [1.0m, 1.0m, 1.0m, 2.0m]),
        new("Iodide", 27, "mg/L", [0.04m, 0.04m, 0.08m, 0.50m]),
        new("Hg", 28, "mg/L", [0.0001m, 0.0001m, 0.001m, 0.002m]),
        new("As", 29, "mg/L", [0.001m, 0.001m, 0.01m, 0.05m]),
        new("Se", 30, "mg/L", [0.01m, 0.01m, 0.01m, 0.1m]),
        new("Cd", 31, "mg/L", [0.0001m, 0.001m, 0.005m, 0.01m]),
        new("Cr6", 32, "mg/L", [0.005m, 0.01m, 0.05m, 0.10m]),
        new("Pb", 33, "mg/L", [0.005m, 0.005m, 0.01m, 0.10m]),
        new("Chloroform", 34, "ug/L", [0.5m, 6m, 60m, 300m]),
        new("CCl4", 35, "ug/L", [0.5m, 0.5m, 2.0m, 50.0m]),
        new("Benzene", 36, "ug/L", [0.5m, 1.0m, 10.0m, 120m]),
        new("Toluene", 37, "ug/L", [0.5m, 140m, 700m, 1400m]),
        new("GrossAlpha", 38, "Bq/L", [0.1m, 0.1m, 0.5m, null]),
        new("GrossBeta", 39, "Bq/L", [0.1m, 1.0m, 1.0m, null]),
    ];

    /// <summary>The row of a short name (ordinal), or null.</summary>
    public static GroundwaterItemLimits? Find(string name) => Array.Find(Rows, r => r.Name == name);
}
