namespace EcoMonitor.Standards.Soil;

/// <summary>
/// GB 15618-2018 Table 1 and Table 2 screening values and Table 3 intervention values (mg/kg), transcribed from
/// <c>gb15618-2018-soil.json</c> (both confirmed). Columns are the pH bands pH ≤ 5.5, 5.5 &lt; pH ≤ 6.5,
/// 6.5 &lt; pH ≤ 7.5, pH &gt; 7.5. Land use null = one row for all (Ni, Zn). A test compares this file with the JSON.
/// </summary>
public static class Gb15618Values
{
    /// <summary>The band labels, as in the JSON.</summary>
    public static readonly string[] PhBands = ["pH<=5.5", "5.5<pH<=6.5", "6.5<pH<=7.5", "pH>7.5"];

    /// <summary>Table 1 rows: item, land use (null = any), values per band.</summary>
    public static readonly (string Item, SoilLandUse? LandUse, decimal[] Values)[] Screening =
    [
        ("Cd", SoilLandUse.Paddy, [0.3m, 0.4m, 0.6m, 0.8m]),
        ("Cd", SoilLandUse.Other, [0.3m, 0.3m, 0.3m, 0.6m]),
        ("Hg", SoilLandUse.Paddy, [0.5m, 0.5m, 0.6m, 1.0m]),
        ("Hg", SoilLandUse.Other, [1.3m, 1.8m, 2.4m, 3.4m]),
        ("As", SoilLandUse.Paddy, [30m, 30m, 25m, 20m]),
        ("As", SoilLandUse.Other, [40m, 40m, 30m, 25m]),
        ("Pb", SoilLandUse.Paddy, [80m, 100m, 140m, 240m]),
        ("Pb", SoilLandUse.Other, [70m, 90m, 120m, 170m]),
        ("Cr", SoilLandUse.Paddy, [250m, 250m, 300m, 350m]),
        ("Cr", SoilLandUse.Other, [150m, 150m, 200m, 250m]),
        ("Cu", SoilLandUse.Orchard, [150m, 150m, 200m, 200m]),
        ("Cu", SoilLandUse.Other, [50m, 50m, 100m, 100m]),
        ("Ni", null, [60m, 70m, 100m, 190m]),
        ("Zn", null, [200m, 200m, 250m, 300m]),
    ];

    /// <summary>
    /// Table 2 (other items, <c>other_items_table2</c>): one screening value for every pH band and land use, no
    /// intervention value. HCH = total of α-, β-, γ-, δ-HCH; DDT = total of p,p′-DDE, p,p′-DDD, o,p′-DDT, p,p′-DDT.
    /// </summary>
    public static readonly (string Item, decimal Value)[] OtherItems =
    [
        ("HCH", 0.10m),
        ("DDT", 0.10m),
        ("BaP", 0.55m),
    ];

    /// <summary>Table 3 rows: item, values per band.</summary>
    public static readonly (string Item, decimal[] Values)[] Intervention =
    [
        ("Cd", [1.5m, 2.0m, 3.0m, 4.0m]),
        ("Hg", [2.0m, 2.5m, 4.0m, 6.0m]),
        ("As", [200m, 150m, 120m, 100m]),
        ("Pb", [400m, 500m, 700m, 1000m]),
        ("Cr", [800m, 850m, 1000m, 1300m]),
    ];
}
