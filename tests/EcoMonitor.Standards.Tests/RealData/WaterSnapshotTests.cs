using System.Globalization;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>
/// GB 3838-2002 single-factor section class (地表水环境质量评价办法（试行） 二(一)) against the classes CNEMC published
/// beside the values of 1,156 automatic surface-water stations on 2026-02-04 (../shared/data/README.md,
/// water_quality). The file does not say whether a section is a river or a lake, which changes the TP limits
/// (GB 3838-2002 Table 1 item 9), so each section is classified both ways. Explained in docs/standards.md.
/// </summary>
[Trait("Area", "Standards")]
[Trait("Kind", "RealData")]
public sealed class WaterSnapshotTests
{
    private static readonly (string Column, SurfaceWaterItem Item)[] Items =
    [
        ("pH", SurfaceWaterItem.pH), ("DO_mg_L", SurfaceWaterItem.DO), ("CODMn_mg_L", SurfaceWaterItem.CODMn),
        ("NH3N_mg_L", SurfaceWaterItem.NH3N), ("TP_mg_L", SurfaceWaterItem.TP), ("TN_mg_L", SurfaceWaterItem.TN),
    ];

    [Fact]
    public void SectionClass_FromPublishedValues_EqualsPublishedClass()
    {
        int compared = 0, asRiver = 0, asLakeOnly = 0;
        List<string> neither = [];
        foreach ((string section, WaterClass published, Dictionary<SurfaceWaterItem, decimal> sample) in ReadSnapshot())
        {
            compared++;
            WaterClass? river = SectionEvaluator.Evaluate(sample, WaterBody.River)?.Class;
            WaterClass? lake = SectionEvaluator.Evaluate(sample, WaterBody.Lake)?.Class;
            if (river == published)
            {
                asRiver++;
            }
            else if (lake == published)
            {
                asLakeOnly++;
            }
            else
            {
                neither.Add($"{section}: published {published}, river {river}, lake {lake}");
            }
        }

        string report = $"compared {compared}, river limits {asRiver}, lake limits only {asLakeOnly}, neither {neither.Count}: {string.Join("; ", neither)}";
        Assert.True(compared >= 1_140, report);
        Assert.True(asRiver >= 0.96 * compared, report);
        Assert.True(neither.Count <= 3, report);
    }

    private static IEnumerable<(string Section, WaterClass Published, Dictionary<SurfaceWaterItem, decimal> Sample)> ReadSnapshot()
    {
        string[] lines = File.ReadAllLines(SharedStandards.File("data/water_quality/cnemc_surface_water_auto_snapshot_2026-02-04.csv"));
        string[] header = lines[0].Split(',');
        int classColumn = Array.IndexOf(header, "water_class");
        int sectionColumn = Array.IndexOf(header, "section");
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            if (ParseClass(cells[classColumn]) is not { } published)
            {
                continue;
            }

            Dictionary<SurfaceWaterItem, decimal> sample = [];
            foreach ((string column, SurfaceWaterItem item) in Items)
            {
                string cell = cells[Array.IndexOf(header, column)];
                if (decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
                {
                    sample[item] = value;
                }
            }

            yield return (cells[sectionColumn], published, sample);
        }
    }

    private static WaterClass? ParseClass(string text) => text switch
    {
        "Ⅰ" => WaterClass.I,
        "Ⅱ" => WaterClass.II,
        "Ⅲ" => WaterClass.III,
        "Ⅳ" => WaterClass.IV,
        "Ⅴ" => WaterClass.V,
        "劣Ⅴ" => WaterClass.WorseThanV,
        _ => null,
    };
}
