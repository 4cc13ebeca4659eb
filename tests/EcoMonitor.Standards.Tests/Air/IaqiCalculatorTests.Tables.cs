using System.Text.Json;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>Our transcription of HJ 633-2012 Table 1 and Table 2 equals the cited JSON.</summary>
public sealed partial class IaqiCalculatorTests
{
    [Fact]
    public void Breakpoints_EqualCitedJson()
    {
        JsonElement table = SharedStandards.Load("hj633-2012-aqi.json").GetProperty("iaqi_breakpoints");

        Assert.Equal(IaqiBreakpoints.Levels, table.GetProperty("iaqi_levels").EnumerateArray().Select(e => e.GetInt32()));
        foreach (JsonElement row in table.GetProperty("rows").EnumerateArray())
        {
            int index = Array.IndexOf(IaqiBreakpoints.Keys, row.GetProperty("key").GetString());
            decimal[] expected = [.. row.GetProperty("values").EnumerateArray()
                .TakeWhile(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetDecimal())];
            Assert.Equal(expected, IaqiBreakpoints.Rows[index]);
        }
    }

    [Fact]
    public void Categories_EqualCitedJson()
    {
        JsonElement rows = SharedStandards.Load("hj633-2012-aqi.json").GetProperty("categories").GetProperty("rows");

        Assert.Equal(rows.GetArrayLength(), AqiCategories.Rows.Length);
        foreach ((JsonElement row, AqiCategory ours) in rows.EnumerateArray().Zip(AqiCategories.Rows))
        {
            Assert.Equal(row.GetProperty("level").GetInt32(), ours.Level);
            Assert.Equal(row.GetProperty("aqi_min").GetInt32(), ours.MinAqi);
            Assert.Equal(row.GetProperty("aqi_max").ValueKind == JsonValueKind.Null ? null : row.GetProperty("aqi_max").GetInt32(), ours.MaxAqi);
            Assert.Equal(row.GetProperty("level_cn").GetString(), ours.LevelName);
            Assert.Equal(row.GetProperty("category").GetString(), ours.Name);
            Assert.Equal(row.GetProperty("colour").GetString(), ours.ColourName);
            Assert.Equal(row.GetProperty("rgb").EnumerateArray().Select(v => v.GetByte()), [ours.Red, ours.Green, ours.Blue]);
        }
    }
}
