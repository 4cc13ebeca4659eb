using System.CommandLine;
using System.Globalization;
using EcoMonitor.Application.Registry;
using EcoMonitor.Cli.Bench;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon bench connections</c>: holds N authenticated HJ 212 station connections against a running platform on
/// loopback and prints the server's memory per held connection (working set and managed heap, each read after a
/// forced GC on the server). Every client socket lives in this process, so N is bounded by <c>ulimit -n</c>.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        Option<int> count = new("--count") { Description = "Connections to open and hold.", DefaultValueFactory = _ => 10_000 };
        Option<string> host = new("--host") { Description = "Gateway host (loopback only).", DefaultValueFactory = _ => "127.0.0.1" };
        Option<int> port = new("--port") { Description = "Gateway TCP port.", DefaultValueFactory = _ => 9212 };
        Option<string> api = new("--api") { Description = "Platform HTTP base address (loopback only), for /api/v1/ingest/stats.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        Option<string> registry = new("--registry") { Description = "Registry file with the stations' MN and password.", DefaultValueFactory = _ => CliPaths.StationsFile };
        Option<int> batch = new("--batch") { Description = "Connections opened concurrently.", DefaultValueFactory = _ => 250 };
        Option<string?> key = BenchApi.KeyOption();
        Command connections = new("connections", "Hold N authenticated station connections and print the server memory per connection.")
        {
            count, host, port, api, registry, batch, key,
        };
        connections.SetAction((parse, cancellationToken) => RunAsync(
            new ConnectionBenchOptions
            {
                Count = Math.Max(1, parse.GetValue(count)),
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Api = new Uri(parse.GetValue(api)!.TrimEnd('/') + "/"),
                BatchSize = Math.Max(1, parse.GetValue(batch)),
                ApiKey = parse.GetValue(key),
            },
            parse.GetValue(registry)!,
            Console.Out,
            cancellationToken));
        return new Command("bench", "Load benchmarks against a running platform on loopback.")
        {
            connections, BenchFloodCommand.Create(), BenchPasswordsCommand.Create(),
        };
    }

    /// <summary>Runs the connection benchmark; 0 when every connection was held, 1 when some failed, 2 on bad input.</summary>
    public static async Task<int> RunAsync(ConnectionBenchOptions options, string registryFile, TextWriter output, CancellationToken cancellationToken)
    {
        List<BenchStation> stations;
        await using (FileStream stream = File.OpenRead(registryFile))
        {
            stations = BenchStation.From(StationRegistryFile.Parse(stream, RegionCatalog.Shipped).Stations);
        }

        if (stations.Count == 0)
        {
            await output.WriteLineAsync($"no active air or surface-water station in {registryFile}");
            return 2;
        }

        if (await ConnectionBench.ResolveLoopbackAsync(options, cancellationToken) is not { } endPoint)
        {
            await output.WriteLineAsync($"refused: {options.Host} and {options.Api} must be loopback addresses");
            return 2;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"opening {options.Count} connections to {options.Host}:{options.Port} as {stations.Count} stations, {options.BatchSize} at a time"));
        ConnectionBenchResult result;
        try
        {
            result = await new ConnectionBench(options, stations, TimeProvider.System, output).RunAsync(endPoint, cancellationToken);
        }
        catch (BenchAccessException exception)
        {
            await output.WriteLineAsync("refused: " + exception.Message);
            return 2;
        }

        await WriteAsync(result, output);
        return result.IsComplete ? 0 : 1;
    }

    private static async Task WriteAsync(ConnectionBenchResult r, TextWriter output)
    {
        const double KiB = 1024;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"connections held: {r.Held}/{r.Requested} (failed {r.Failed}); server open connections {r.Before.ConnectionsOpen} -> {r.During.ConnectionsOpen} -> {r.OpenAfterClose} after close"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"server working set: {r.Before.WorkingSetBytes / KiB / KiB:F1} MiB -> {r.During.WorkingSetBytes / KiB / KiB:F1} MiB = {r.WorkingSetPerConnection / KiB:F1} KiB per connection"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"server managed heap: {r.Before.ManagedHeapBytes / KiB / KiB:F1} MiB -> {r.During.ManagedHeapBytes / KiB / KiB:F1} MiB = {r.ManagedHeapPerConnection / KiB:F1} KiB per connection"));
    }
}
