using System.CommandLine;
using System.Globalization;
using EcoMonitor.Application.Registry;
using EcoMonitor.Cli.Bench;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon bench passwords</c>: guesses one station's password from one loopback address for a fixed time and prints
/// how fast the gateway answers the guesses (and how long the right password then waits).
/// </summary>
internal static class BenchPasswordsCommand
{
    public static Command Create()
    {
        Option<string?> mn = new("--mn") { Description = "MN to guess at (default: the registry's first air or surface-water station)." };
        Option<string> source = new("--source") { Description = "Loopback address the guesses come from.", DefaultValueFactory = _ => "127.0.3.1" };
        Option<int> connections = new("--connections") { Description = "Connections guessing in parallel.", DefaultValueFactory = _ => 4 };
        Option<int> window = new("--window") { Description = "Guesses each connection keeps in flight.", DefaultValueFactory = _ => 1 };
        Option<double> seconds = new("--seconds") { Description = "How long to guess.", DefaultValueFactory = _ => 60 };
        Option<bool> noRight = new("--no-right") { Description = "Do not send the right password afterwards." };
        Option<string> host = new("--host") { Description = "Gateway host (loopback only).", DefaultValueFactory = _ => "127.0.0.1" };
        Option<int> port = new("--port") { Description = "Gateway TCP port.", DefaultValueFactory = _ => 9212 };
        Option<string> registry = new("--registry") { Description = "Registry file with the stations' MN and password.", DefaultValueFactory = _ => CliPaths.StationsFile };
        Command passwords = new("passwords", "Guess a station's password from one address for a while; print the rate of answered guesses.")
        {
            mn, source, connections, window, seconds, noRight, host, port, registry,
        };
        passwords.SetAction((parse, cancellationToken) => RunAsync(
            new PasswordBenchOptions
            {
                Mn = parse.GetValue(mn),
                Source = parse.GetValue(source)!,
                Connections = Math.Max(1, parse.GetValue(connections)),
                Window = Math.Clamp(parse.GetValue(window), 1, 1000),
                Duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 1, 3600)),
                ThenRight = !parse.GetValue(noRight),
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
            },
            parse.GetValue(registry)!,
            Console.Out,
            cancellationToken));
        return passwords;
    }

    /// <summary>Runs the guessing; 0 when guesses were answered, 1 when none was, 2 on bad input.</summary>
    public static async Task<int> RunAsync(PasswordBenchOptions options, string registryFile, TextWriter output, CancellationToken cancellationToken)
    {
        List<BenchStation> stations;
        await using (FileStream stream = File.OpenRead(registryFile))
        {
            stations = BenchStation.From(StationRegistryFile.Parse(stream, RegionCatalog.Shipped).Stations);
        }

        BenchStation? station = stations.Find(s => options.Mn is null || string.Equals(s.Id.Value, options.Mn, StringComparison.Ordinal));
        if (station is null)
        {
            await output.WriteLineAsync($"no active air or surface-water station {options.Mn} in {registryFile}");
            return 2;
        }

        if (!System.Net.IPAddress.TryParse(options.Source, out System.Net.IPAddress? source) || !System.Net.IPAddress.IsLoopback(source)
            || await ConnectionBench.ResolveLoopbackAsync(options.Host, options.Port, options.Api, cancellationToken) is not { } endPoint)
        {
            await output.WriteLineAsync($"refused: {options.Host} and {options.Source} must be loopback addresses");
            return 2;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"guessing the password of {station.Id.Value} from {options.Source} over {options.Connections} connections, {options.Window} in flight each, for {options.Duration.TotalSeconds:F0} s"));
        PasswordBenchResult r = await new PasswordBench(options, station, TimeProvider.System).RunAsync(endPoint, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrong passwords answered: {r.AnsweredAt.Count} in {r.Duration.TotalSeconds:F0} s = {r.Rate:F2}/s; the 5th after {Seconds(r.Answered(5))}, the 10th after {Seconds(r.Answered(10))}, the last after {Seconds(r.AnsweredAt.Count > 0 ? r.AnsweredAt[^1] : null)}"));
        if (r.RightPasswordWait is { } wait)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"then the right password from the same address: answered {r.RightPasswordCommand} after {wait.TotalSeconds:F2} s"));
        }

        return r.AnsweredAt.Count > 0 ? 0 : 1;
    }

    private static string Seconds(TimeSpan? at) => at is { } t ? t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s" : "-";
}
