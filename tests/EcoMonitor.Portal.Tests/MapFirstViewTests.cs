using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The first view of the map with a 1,000-station network: time from navigation start to every station drawn
/// (ECharts' first 'finished' event), in a fresh browser context (empty cache) against a warm server. The figure is
/// written to artifacts/map-first-view.txt and docs/benchmarks.md.
/// </summary>
[Trait("Area", "Portal")]
[Trait("Category", "Benchmark")]
[Collection(MapFirstViewTests.Collection)]
public sealed class MapFirstViewTests
{
    /// <summary>A collection run alone, after the parallel ones, so that the other tests' servers and browsers do not share the CPU.</summary>
    public const string Collection = "map first view (alone)";

    private const int StationCount = 1000;
    private const int Runs = 5;

    // The issue's budget. ECOMON_MAP_BUDGET_MS may raise it on a loaded machine; the figure is always reported.
    private static readonly double BudgetMs = double.TryParse(Environment.GetEnvironmentVariable("ECOMON_MAP_BUDGET_MS"), CultureInfo.InvariantCulture, out double ms) ? ms : 1000;

    // When the main resources had arrived and when ECharts was ready to use, for the report.
    private const string Phases = """
        (() => {
          const end = n => Math.round((performance.getEntriesByType('resource').find(e => e.name.endsWith(n)) || { responseEnd: -1 }).responseEnd);
          const mark = n => Math.round((performance.getEntriesByName(n)[0] || { startTime: -1 }).startTime);
          const nav = performance.getEntriesByType('navigation')[0];
          return `html ${Math.round(nav.responseEnd)}, echarts ${end('/echarts.portal.min.js')}, stations ${end('/aqi/current/stations')}, geo ${end('/geo/china.json')}, dcl ${Math.round(nav.domContentLoadedEventEnd)}, data ${mark('ecomon:map-data')}, rendered ${mark('ecomon:map-rendered')}, drawn ${Math.round(window.__ecomonMapReadyAt)}`;
        })()
        """;

    // Above this 1-minute load average per core the machine is shared with other work (e.g. parallel builds).
    private const double BusyLoadPerCore = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double LoadPerCore()
    {
        string[] fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : ["0"];
        return double.Parse(fields[0], CultureInfo.InvariantCulture) / Environment.ProcessorCount;
    }

    // Explicit: a timed test is not part of the default run (docs/benchmarks.md gives the command that runs it).
    [Fact(Explicit = true)]
    public async Task MapFirstView_ThousandStations_IsDrawnWithinTheBudget()
    {
        string directory = Directory.CreateTempSubdirectory("ecomon-map-bench-").FullName;
        string stationsFile = Path.Combine(directory, "stations.json");
        string[] mns = await WriteNetworkAsync(stationsFile);
        using PortalServer server = new(stationsFile);
        var csv = new StringBuilder();
        for (int i = 0; i < mns.Length; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{mns[i]},a34004,hour,2019-12-20T08:00:00+08:00,{5 + (i % 320)}\n");
        }

        await server.ImportAsync(csv.ToString(), Ct);
        await server.WaitForCurrentAqiAsync(StationCount, Ct);
        await using Browser browser = await Browser.LaunchAsync();
        var api = System.Diagnostics.Stopwatch.StartNew();
        await server.GetJsonAsync("/api/v1/aqi/current/stations", Ct);
        double apiMs = api.Elapsed.TotalMilliseconds;

        List<double> times = [];
        List<string> phases = [];
        for (int run = 0; run < Runs; run++)
        {
            IPage page = await browser.NewPageAsync(server.BaseUrl);
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("body[data-stations-drawn]");
            Assert.Equal(StationCount.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("body", "data-stations-drawn"));
            times.Add(await page.EvaluateAsync<double>("window.__ecomonMapReadyAt"));
            phases.Add(await page.EvaluateAsync<string>(Phases));
            if (run == 0)
            {
                await Browser.ScreenshotAsync(page, "map-1000-stations");
            }

            await page.Context.CloseAsync();
        }

        times.Sort();
        double median = times[Runs / 2];
        string report = string.Create(CultureInfo.InvariantCulture,
            $"map first view, {StationCount} stations, {Runs} cold page loads (fresh context), warm server: median {median:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms; {Environment.ProcessorCount} cores; /api/v1/aqi/current/stations alone {apiMs:F0} ms\nper load (ms after navigation start): {string.Join(" | ", phases)}\n");
        await File.WriteAllTextAsync(RepoFiles.Path("artifacts/map-first-view.txt"), report, Ct);
        TestContext.Current.SendDiagnosticMessage(report);
        Directory.Delete(directory, recursive: true);
        double load = LoadPerCore();
        if (median >= BudgetMs && load > BusyLoadPerCore)
        {
            // A budget of a quiet machine cannot be judged while others' builds hold every core; say so instead of passing.
            Assert.Skip(string.Create(CultureInfo.InvariantCulture, $"machine busy (load {load:F1} per core), budget not judged: {report}"));
        }

        Assert.True(median < BudgetMs, report);
    }

    // The 199 sample air stations, repeated with shifted positions until there are 1,000, each with its own MN.
    private static async Task<string[]> WriteNetworkAsync(string path)
    {
        await using FileStream sample = RepoFiles.Open("samples/network/stations.json");
        JsonNode root = (await JsonNode.ParseAsync(sample, cancellationToken: Ct))!;
        JsonNode[] air = [.. root["stations"]!.AsArray().Select(s => s!).Where(s => (string?)s["type"] == "airQuality" && s["longitude"] is not null)];
        var stations = new JsonArray();
        string[] mns = new string[StationCount];
        for (int i = 0; i < StationCount; i++)
        {
            JsonNode copy = air[i % air.Length].DeepClone();
            int round = i / air.Length;
            mns[i] = string.Create(CultureInfo.InvariantCulture, $"B{i:D5}");
            copy["mn"] = mns[i];
            copy["name"] = $"{(string?)copy["name"]} {round}";
            copy["longitude"] = Math.Round((double)copy["longitude"]! + (round * 0.07), 4);
            copy["latitude"] = Math.Round((double)copy["latitude"]! - (round * 0.05), 4);
            stations.Add(copy);
        }

        await File.WriteAllTextAsync(path, new JsonObject { ["stations"] = stations }.ToJsonString(), Ct);
        return mns;
    }
}
