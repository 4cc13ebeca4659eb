using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using EcoMonitor.Web.Tests.Evaluation;

namespace EcoMonitor.Web.Tests.Quality;

/// <summary>
/// Completeness of the real sample history (CNEMC, December 2019, about 15 % empty cells): per station and for the
/// network, compared with counts made independently from the CSV file; plus a station with injected gaps.
/// </summary>
[Trait("Area", "Quality")]
public sealed class CompletenessApiTests(EvaluatedSampleHistory history) : IClassFixture<EvaluatedSampleHistory>
{
    /// <summary>Upper bounds of range.physical (config/quality-rules.json, docs/quality.md) by CNEMC type.</summary>
    private static readonly Dictionary<string, decimal> Max = new(StringComparer.Ordinal)
    {
        ["PM2.5"] = 1000m, ["PM10"] = 5000m, ["SO2"] = 3000m, ["NO2"] = 2000m, ["CO"] = 60m, ["O3"] = 1200m,
    };

    [Fact]
    public async Task SampleDay_CountsMatchTheCsv_PerStationAndNetwork()
    {
        Dictionary<string, (int Received, int Valid)> expected = await CountCsvAsync(new DateTime(2019, 12, 20));

        JsonElement network = await history.Api.StaffJsonAsync("/api/v1/completeness?from=2019-12-20&to=2019-12-21&type=AirQuality");

        JsonElement[] rows = [.. network.GetProperty("rows").EnumerateArray()];
        Assert.True(rows.Length >= 10, $"only {rows.Length} rows");
        long sumValid = 0, sumReceived = 0;
        foreach (JsonElement row in rows)
        {
            string mn = row.GetProperty("station").GetString()!;
            (int received, int valid) = expected.GetValueOrDefault(mn);
            Assert.Equal(24, row.GetProperty("expectedPeriods").GetInt32());
            Assert.Equal(144, row.GetProperty("expectedValues").GetInt32());
            Assert.True(received == row.GetProperty("receivedValues").GetInt32(), $"{mn}: received {row.GetProperty("receivedValues")}, CSV has {received}");
            Assert.True(valid == row.GetProperty("validValues").GetInt32(), $"{mn}: valid {row.GetProperty("validValues")}, CSV has {valid}");
            Assert.Equal(Math.Round(valid / 144m, 4), row.GetProperty("validRate").GetDecimal());
            if (received == 0)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("onTimeRate").ValueKind);
            }
            else
            {
                Assert.Equal(0m, row.GetProperty("onTimeRate").GetDecimal()); // imported in 2026: nothing of 2019 came on time
            }

            sumValid += valid;
            sumReceived += received;
        }

        Assert.True(sumReceived < 144L * rows.Length, "the sample has empty cells: some values must be missing");
        Assert.Equal(rows.Length, network.GetProperty("stations").GetInt32());
        Assert.Equal(144L * rows.Length, network.GetProperty("expectedValues").GetInt64());
        Assert.Equal(sumValid, network.GetProperty("validValues").GetInt64());
        Assert.Equal(Math.Round((decimal)sumValid / (144L * rows.Length), 4), network.GetProperty("validRate").GetDecimal());
        decimal[] rates = [.. rows.Select(r => r.GetProperty("validRate").GetDecimal())];
        Assert.Equal(rates.Order(), rates); // worst first by default

        JsonElement city = await history.Api.StaffJsonAsync($"/api/v1/completeness?from=2019-12-20&to=2019-12-21&region={EvaluatedSampleHistory.City}");
        Assert.Equal(10, city.GetProperty("stations").GetInt32());
    }

    [Fact]
    public async Task StationWithInjectedGap_ShowsTheOfflinePeriod_AndLastData()
    {
        // A station of the sample network gets 2026-03-02 00:00–05:00 and 09:00–11:00 CST of all six pollutants, now (late).
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        foreach (int h in new[] { 0, 1, 2, 3, 4, 5, 9, 10, 11 })
        {
            foreach (string p in new[] { "a21026", "a21004", "a34002", "a34004", "a21005", "a05024" })
            {
                csv.Append(CultureInfo.InvariantCulture, $"1119A,{p},hour,2026-03-02T{h:D2}:00:00+08:00,{(p == "a21005" ? "0.8" : "30")},N\n");
            }
        }

        using (HttpResponseMessage imported = await history.Api.ImportAsync(csv.ToString(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        JsonElement c = await history.Api.StaffJsonAsync("/api/v1/stations/1119A/completeness?from=2026-03-02T00:00:00%2B08:00&to=2026-03-02T12:00:00%2B08:00");

        Assert.Equal(12, c.GetProperty("expectedPeriods").GetInt32());
        Assert.Equal(9, c.GetProperty("receivedPeriods").GetInt32());
        Assert.Equal(54, c.GetProperty("validValues").GetInt32());
        Assert.Equal(0.75m, c.GetProperty("validRate").GetDecimal());
        JsonElement gap = Assert.Single(c.GetProperty("offline").EnumerateArray());
        Assert.Equal("2026-03-02T06:00:00+08:00", gap.GetProperty("start").GetString());
        Assert.Equal("2026-03-02T09:00:00+08:00", gap.GetProperty("end").GetString());
        Assert.Equal("2026-03-02T11:00:00+08:00", c.GetProperty("lastPeriodStart").GetString());

        using HttpResponseMessage bad = await history.Api.GetAsync("/api/v1/completeness?sort=size", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using HttpResponseMessage unknown = await history.Api.GetAsync("/api/v1/stations/NOPE9/completeness", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Per station: non-empty cells of the six pollutants whose hour starts on <paramref name="day"/> (CST), and those within range.</summary>
    private static async Task<Dictionary<string, (int Received, int Valid)>> CountCsvAsync(DateTime day)
    {
        var counts = new Dictionary<string, (int Received, int Valid)>(StringComparer.Ordinal);
        await using FileStream file = File.OpenRead(RepoFiles.Path(EvaluatedSampleHistory.HistoryFile));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        string[] header = (await reader.ReadLineAsync(TestContext.Current.CancellationToken))!.Split(',');
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            string[] fields = line.Split(',');
            if (!Max.TryGetValue(fields[2], out decimal max))
            {
                continue;
            }

            // CNEMC labels an hour by its end: hour h of date d is the period starting at d + h − 1 h.
            DateTime start = DateTime.ParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture).AddHours(int.Parse(fields[1], CultureInfo.InvariantCulture) - 1);
            if (start.Date != day)
            {
                continue;
            }

            for (int i = 3; i < fields.Length && i < header.Length; i++)
            {
                if (fields[i].Length == 0)
                {
                    continue;
                }

                decimal value = decimal.Parse(fields[i], CultureInfo.InvariantCulture);
                (int received, int valid) = counts.GetValueOrDefault(header[i]);
                counts[header[i]] = (received + 1, valid + (value >= 0 && value <= max ? 1 : 0));
            }
        }

        return counts;
    }
}
