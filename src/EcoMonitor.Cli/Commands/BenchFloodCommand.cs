using System.CommandLine;
using System.Globalization;
using EcoMonitor.Cli.Bench;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon bench flood</c>: opens N idle connections to the gateway from many loopback source addresses and prints
/// how many the server held and refused, and the HTTP API's GET latency before and during the flood (same run).
/// Every socket lives in this process, so N is bounded by <c>ulimit -n</c>.
/// </summary>
internal static class BenchFloodCommand
{
    public static Command Create()
    {
        Option<int> count = new("--count") { Description = "Connections to attempt.", DefaultValueFactory = _ => 16_000 };
        Option<int> sources = new("--sources") { Description = "Loopback source addresses (127.0.1.1, 127.0.1.2, …).", DefaultValueFactory = _ => 100 };
        Option<string> host = new("--host") { Description = "Gateway host (loopback only).", DefaultValueFactory = _ => "127.0.0.1" };
        Option<int> port = new("--port") { Description = "Gateway TCP port.", DefaultValueFactory = _ => 9212 };
        Option<string> api = new("--api") { Description = "Platform HTTP base address (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        Option<string> path = new("--path") { Description = "The GET whose latency is measured.", DefaultValueFactory = _ => "/api/v1/parameters" };
        Option<int> requests = new("--requests") { Description = "GET requests per phase.", DefaultValueFactory = _ => 200 };
        Option<int> batch = new("--batch") { Description = "Connects in flight at once.", DefaultValueFactory = _ => 500 };
        Option<string?> key = BenchApi.KeyOption();
        Command flood = new("flood", "Hold idle connections beyond the gateway's limits from many sources; print held/refused and the HTTP latency meanwhile.")
        {
            count, sources, host, port, api, path, requests, batch, key,
        };
        flood.SetAction((parse, cancellationToken) => RunAsync(
            new FloodBenchOptions
            {
                Count = Math.Max(1, parse.GetValue(count)),
                Sources = Math.Clamp(parse.GetValue(sources), 1, 250 * 250),
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Api = new Uri(parse.GetValue(api)!.TrimEnd('/') + "/"),
                Path = parse.GetValue(path)!.TrimStart('/'),
                Requests = Math.Max(1, parse.GetValue(requests)),
                BatchSize = Math.Max(1, parse.GetValue(batch)),
                ApiKey = parse.GetValue(key),
            },
            Console.Out,
            cancellationToken));
        return flood;
    }

    /// <summary>Runs the flood; 0 when the server answered throughout, 1 when it did not, 2 on bad input.</summary>
    public static async Task<int> RunAsync(FloodBenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (await ConnectionBench.ResolveLoopbackAsync(options.Host, options.Port, options.Api, cancellationToken) is not { } endPoint)
        {
            await output.WriteLineAsync($"refused: {options.Host} and {options.Api} must be loopback addresses");
            return 2;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"flooding {options.Host}:{options.Port} with {options.Count} connections from {options.Sources} source addresses, {options.BatchSize} at a time"));
        FloodBenchResult r;
        try
        {
            r = await new FloodBench(options, output).RunAsync(endPoint, cancellationToken);
        }
        catch (BenchAccessException exception)
        {
            await output.WriteLineAsync("refused: " + exception.Message);
            return 2;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"connections: {r.Requested} attempted in {r.Opening.TotalSeconds:F1} s, {r.Connected} connected ({r.FailedConnects} connects failed), {r.Held} held, {r.Connected - r.Held} closed by the server"));
        await output.WriteLineAsync(r.During.IsReachable
            ? string.Create(CultureInfo.InvariantCulture,
                $"server: open connections {r.Before.ConnectionsOpen} -> {r.During.ConnectionsOpen} (limit {Figure(r.During.MaxConnections)}, {Figure(r.During.MaxConnectionsPerAddress)} per address); refused at the limit {Delta(r.Before.RefusedAtLimit, r.During.RefusedAtLimit)}, at the per-address limit {Delta(r.Before.RefusedAtAddressLimit, r.During.RefusedAtAddressLimit)}")
            : "server: its statistics did not answer during the flood");
        await output.WriteLineAsync($"GET /{options.Path} before the flood: {r.Baseline}");
        await output.WriteLineAsync($"GET /{options.Path} during the flood: {r.Flooded}");
        await output.WriteLineAsync(r.AfterClose.IsReachable
            ? string.Create(CultureInfo.InvariantCulture, $"after the flood: the server answers, {r.AfterClose.ConnectionsOpen} connections open")
            : "after the flood: the server does NOT answer");
        await output.WriteLineAsync(r.ServerStayedUp ? "server answered throughout" : "server did NOT answer throughout");
        return r.ServerStayedUp ? 0 : 1;
    }

    private static string Figure(long value) => value < 0 ? "n/a" : value.ToString(CultureInfo.InvariantCulture);

    private static string Delta(long before, long during) =>
        before < 0 || during < 0 ? "n/a" : (during - before).ToString(CultureInfo.InvariantCulture);
}
