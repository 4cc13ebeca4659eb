using System.Globalization;
using System.Text;
using EcoMonitor.Domain;

namespace EcoMonitor.Quality.Tests;

/// <summary>
/// How often the falsification signs fire on real hourly data (CNEMC 2019, 199 ambient stations, every station-day scored
/// as if it were an outlet). Only the signs that can see hour data apply (identical run, repeated block); every day they
/// fire on counts as a false positive (an upper bound). The figures go to docs/quality.md.
/// </summary>
[Trait("Area", "Quality")]
public sealed class FalsificationFalsePositiveTests(Cnemc2019 data, ITestOutputHelper output) : IClassFixture<Cnemc2019>
{
    [Fact]
    public void HourlySigns_FireOnFewRealStationDays()
    {
        var detector = new FalsificationDetector(QualityRules.Shipped.Value);
        var fired = FalsificationSignIds.All.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        int days = 0;
        foreach (string station in data.Stations)
        {
            foreach (IGrouping<NodaTime.LocalDate, Observation> day in data.StationYear(station).GroupBy(o => ChinaTime.ToLocal(o.PeriodStart).Date))
            {
                days++;
                OutletSuspicion scored = detector.Detect(day.First().Station, StationType.AirQuality, day.Key, [.. day], [], [], day.First().ReceivedAt);
                foreach (SuspicionSign sign in scored.Signs)
                {
                    fired[sign.Sign]++;
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"station-days scored: {days}");
        foreach ((string sign, int count) in fired)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| `{sign}` | {count} | {(double)count / days:P3} |");
        }

        output.WriteLine(report.ToString());
        Assert.True(days > 60_000, report.ToString());
        Assert.True(fired[FalsificationSignIds.IdenticalRun] <= days * 0.005, report.ToString());
        Assert.True(fired[FalsificationSignIds.RepeatedBlock] <= days * 0.001, report.ToString());
    }
}
