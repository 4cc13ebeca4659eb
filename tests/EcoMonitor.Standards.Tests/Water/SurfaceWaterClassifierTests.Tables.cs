using System.Text.Json;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.Water;

/// <summary>Our GB 3838-2002 Table 1 transcription equals the cited JSON.</summary>
public sealed partial class SurfaceWaterClassifierTests
{
    [Fact]
    public void Limits_EqualCitedJson()
    {
        JsonElement rows = SharedStandards.Load("gb3838-2002-surface-water.json").GetProperty("table1_basic_items");
        int compared = 0;
        foreach (JsonElement row in rows.EnumerateArray())
        {
            string? key = row.GetProperty("ref_key").GetString();
            if (key is null or "pH")
            {
                continue;
            }

            decimal[] expected = [.. row.GetProperty("limits").EnumerateArray().Select(v => v.GetDecimal())];
            decimal[] ours = key == "TP_lake" ? Gb3838Limits.LakeTotalPhosphorus : Gb3838Limits.Rows[(int)Enum.Parse<SurfaceWaterItem>(key)];
            Assert.Equal(expected, ours);
            compared++;
        }

        Assert.Equal(23, compared);
    }
}
