using System.Text.Json;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>Our GB 3095-2012 Table 1 transcription equals the cited JSON.</summary>
[Trait("Area", "Standards")]
public sealed class Gb3095LimitsTests
{
    [Fact]
    public void Rows_EqualCitedJson()
    {
        JsonElement rows = SharedStandards.Load("gb3095-2012-ambient-air.json").GetProperty("basic_items_table1").GetProperty("rows");

        var expected = rows.EnumerateArray().Select(r => (r.GetProperty("pollutant").GetString(), r.GetProperty("averaging").GetString(),
            r.GetProperty("class1").GetDecimal(), r.GetProperty("class2").GetDecimal())).ToList();
        var ours = Gb3095Limits.Rows.Select(r => ((string?)AirPollutantFacts.Name(r.Pollutant), (string?)(r.Averaging switch
        {
            AirAveraging.Annual => "annual",
            AirAveraging.Daily => "24h",
            AirAveraging.Hourly => "1h",
            AirAveraging.DailyMaxEightHour => "daily max 8h",
            _ => "?",
        }), r.Class1, r.Class2)).ToList();
        Assert.Equal(expected.OrderBy(e => e.Item1 + e.Item2), ours.OrderBy(e => e.Item1 + e.Item2));
    }
}
