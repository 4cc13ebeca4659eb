using System.Globalization;
using System.Text.Json;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Tests.Commands;

/// <summary><c>ecomon evaluate</c> on a real SQLite store with one station and one day of hourly values.</summary>
[Trait("Area", "Standards")]
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-evaluate-").FullName;

    private string Database => Path.Combine(_directory, "store.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Station_Json_GivesDailyAqiAndStatistics()
    {
        await SeedAsync();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        int exit = await EvaluateCommand.RunAsync("EVAL1", null, "2026-03-01", "2026-03-01", json: true, Database, output, Ct);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output.ToString());
        JsonElement day = Assert.Single(document.RootElement.GetProperty("daily").EnumerateArray());
        // PM2.5 24-h mean 80 → IAQI (150 − 100) / (115 − 75) × (80 − 75) + 100 = 106.25 → 107 (HJ 633-2012, rounded up).
        Assert.Equal(80m, day.GetProperty("pm25").GetDecimal());
        Assert.Equal(107, day.GetProperty("aqi").GetInt32());
        Assert.Equal(1, document.RootElement.GetProperty("statistics").GetProperty("days").GetProperty("validDays").GetInt32());
    }

    [Fact]
    public async Task Region_Table_ShowsTheCityDay()
    {
        await SeedAsync();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        int exit = await EvaluateCommand.RunAsync(null, "510100", "2026-03-01", "2026-03-02", json: false, Database, output, Ct);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains("City 510100", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-01   107  轻度污染", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EVAL1", "510100")]
    [InlineData(null, null)]
    [InlineData("NOSUCH", null)]
    [InlineData(null, "510000")]
    public async Task BadSubject_ExitsWithOne(string? station, string? region)
    {
        await SeedAsync();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(1, await EvaluateCommand.RunAsync(station, region, "2026-03-01", "2026-03-01", json: false, Database, output, Ct));
        Assert.StartsWith("error:", output.ToString(), StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        using CliStore store = await CliStore.OpenAsync(Database, Ct);
        var id = StationId.Parse("EVAL1");
        await store.Stations.UpsertAsync(
            [new Station { Id = id, Name = "测试站", Type = StationType.AirQuality, Region = RegionCode.Parse("510104"), Password = StationPassword.Plain("123456").Hash(StationPassword.MinIterations) }], Ct);
        var day = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 1, 0, 0));
        Observation[] hours = [.. Enumerable.Range(0, 24).Select(h => new Observation
        {
            Station = id,
            Parameter = ParameterCode.Parse("a34004"),
            Interval = ObservationInterval.Hour,
            PeriodStart = day + Duration.FromHours(h),
            Value = 80m,
            ReceivedAt = day + Duration.FromHours(h + 1),
        })];
        await store.Observations.AppendAsync(hours, Ct);
    }
}
