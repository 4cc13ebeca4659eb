using System.Globalization;
using System.Text.Json;
using EcoMonitor.Application.Import;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Cli.Simulation;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Web.Tests;

/// <summary>
/// The spine end to end: the server on loopback ports, the simulator replaying real CNEMC data as data loggers,
/// and every value sent found in the store through the API — also when connections are cut mid-frame and the
/// simulator reconnects and resends.
/// </summary>
[Trait("Area", "Spine")]
public sealed class EndToEndTests
{
    private const int Stations = 4;
    private const int Hours = 36;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Simulate_EveryValueSentIsInTheApi()
    {
        await using ApiFactory api = new();
        _ = api.Client;

        int exitCode = await SimulateAsync(api.GatewayPort);

        Assert.Equal(0, exitCode);
        await AssertEverythingStoredAsync(api);
    }

    [Fact]
    public async Task Simulate_ThroughConnectionsCutMidFrame_ResendsAndLosesNothing()
    {
        await using ApiFactory api = new();
        _ = api.Client;
        await using CuttingProxy proxy = new(api.GatewayPort, cuts: 3, cutAfterBytes: 1_000);

        int exitCode = await SimulateAsync(proxy.Port);

        Assert.Equal(0, exitCode);
        Assert.Equal(3, proxy.CutsMade);
        await AssertEverythingStoredAsync(api);
    }

    private static async Task<int> SimulateAsync(int port)
    {
        using StringWriter output = new();
        SimulationOptions options = new() { Port = port, SpeedUp = 0, Window = 4, AckTimeout = TimeSpan.FromSeconds(5) };
        int exitCode = await SimulateCommand.RunAsync(
            options, Stations, RepoFiles.Path("samples/history/cnemc-2019-12-18_31.csv.gz"), RepoFiles.Path("samples/network/stations.json"), Hours, output, Token);
        TestContext.Current.SendDiagnosticMessage(output.ToString());
        return exitCode;
    }

    private static async Task AssertEverythingStoredAsync(ApiFactory api)
    {
        Dictionary<StationId, List<HourRecord>> sent = await ExpectedAsync();
        Assert.Equal(Stations, sent.Count);
        foreach ((StationId station, List<HourRecord> records) in sent)
        {
            string from = Uri.EscapeDataString(ChinaTime.ToOffsetDateTime(records[0].PeriodStart).ToString("uuuu-MM-ddTHH:mm:sso<+HH:mm>", CultureInfo.InvariantCulture));
            string to = Uri.EscapeDataString(ChinaTime.ToOffsetDateTime(records[^1].PeriodStart + Duration.FromHours(1)).ToString("uuuu-MM-ddTHH:mm:sso<+HH:mm>", CultureInfo.InvariantCulture));
            JsonElement rows = await api.ObservationsAsync(station.Value, $"from={from}&to={to}");
            var stored = rows.EnumerateArray()
                .Select(r => $"{r.GetProperty("parameter").GetString()}@{r.GetProperty("periodStart").GetString()}={r.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)}")
                .ToHashSet(StringComparer.Ordinal);
            string[] expected = records
                .SelectMany(r => r.Values.Select(v => $"{v.Key.Value}@{ChinaTime.ToOffsetDateTime(r.PeriodStart).ToString("uuuu-MM-ddTHH:mm:sso<+HH:mm>", CultureInfo.InvariantCulture)}={v.Value.ToString(CultureInfo.InvariantCulture)}"))
                .ToArray();
            Assert.Equal(expected.Length, rows.GetArrayLength());
            Assert.All(expected, e => Assert.Contains(e, stored));
        }
    }

    private static async Task<Dictionary<StationId, List<HourRecord>>> ExpectedAsync()
    {
        ImportOptions options = new() { ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0), PeriodLabel = PeriodLabel.PeriodEnd };
        List<Observation> observations = [];
        await foreach (ImportItem item in new CnemcWideCsvReader(options).ReadFileAsync(RepoFiles.Path("samples/history/cnemc-2019-12-18_31.csv.gz"), Token))
        {
            if (item.Observation is { } o)
            {
                observations.Add(o);
            }
        }

        return HourRecord.Group(observations)
            .OrderBy(e => e.Key.Value, StringComparer.Ordinal)
            .Take(Stations)
            .ToDictionary(e => e.Key, e => e.Value.Take(Hours).ToList());
    }
}
