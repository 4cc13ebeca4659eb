using System.CommandLine;
using System.Globalization;
using EcoMonitor.Application.Import;
using EcoMonitor.Application.Registry;
using EcoMonitor.Cli.Simulation;
using EcoMonitor.Domain;
using NodaTime;
using Spectre.Console;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon simulate</c>: N virtual data loggers replay real hourly data (the CNEMC wide layout, e.g. the shipped
/// sample or the 2019 file) over HJ 212 to a running platform, with a progress display and the final count of
/// frames and values acknowledged. The figure it prints (acknowledged observations per second) is the ingest benchmark.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        Option<string> host = new("--host") { Description = "Gateway host.", DefaultValueFactory = _ => "127.0.0.1" };
        Option<int> port = new("--port") { Description = "Gateway TCP port.", DefaultValueFactory = _ => 9212 };
        Option<int> stations = new("--stations") { Description = "Virtual stations (the first N of the data that are registered).", DefaultValueFactory = _ => 20 };
        Option<string> data = new("--data") { Description = "CNEMC wide-layout CSV (.csv or .csv.gz) to replay.", DefaultValueFactory = _ => CliPaths.SampleHistory };
        Option<string> registry = new("--registry") { Description = "Registry file with the stations' MN and password.", DefaultValueFactory = _ => CliPaths.StationsFile };
        Option<double> speedUp = new("--speedup") { Description = "Data hours per wall hour (3600 = one data hour a second); 0 = as fast as acknowledgements allow.", DefaultValueFactory = _ => 3600 };
        Option<int> window = new("--window") { Description = "Frames a station sends before waiting for acknowledgements.", DefaultValueFactory = _ => 8 };
        Option<int?> hours = new("--hours") { Description = "Replay at most this many hours per station." };
        Command command = new("simulate", "Replay real data over HJ 212 as N virtual data loggers.")
        {
            host, port, stations, data, registry, speedUp, window, hours,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new SimulationOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                SpeedUp = parse.GetValue(speedUp),
                Window = Math.Max(1, parse.GetValue(window)),
            },
            parse.GetValue(stations),
            parse.GetValue(data)!,
            parse.GetValue(registry)!,
            parse.GetValue(hours),
            Console.Out,
            cancellationToken));
        return command;
    }

    /// <summary>Runs a simulation; 0 when every frame was acknowledged.</summary>
    public static async Task<int> RunAsync(
        SimulationOptions options, int stationCount, string dataFile, string registryFile, int? hours, TextWriter output, CancellationToken cancellationToken)
    {
        Dictionary<StationId, string> passwords;
        await using (FileStream stream = File.OpenRead(registryFile))
        {
            passwords = StationRegistryFile.Parse(stream, RegionCatalog.Shipped).Stations.ToDictionary(s => s.Id, s => s.Password.Text);
        }

        Dictionary<StationId, List<HourRecord>> records = await LoadAsync(dataFile, passwords, stationCount, hours, cancellationToken);
        StationSimulator simulator = new(options, TimeProvider.System);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"simulating {records.Count} stations, {records.Sum(r => r.Value.Count)} hour frames, to {options.Host}:{options.Port}"));
        Task<SimulationResult> run = simulator.RunAsync(records, passwords, cancellationToken);
        await ShowProgressAsync(simulator.Progress, run, output);
        SimulationResult result = await run;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"frames acknowledged: {result.FramesAcked}/{result.FramesTotal} (resent {result.FramesResent}, rejected {result.FramesRejected}, reconnects {result.Reconnects}, stations failed {result.FailedStations})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"observations acknowledged: {result.ObservationsAcked} in {result.Elapsed.TotalSeconds:F2} s = {result.ObservationsPerSecond:F0} observations/s"));
        return result.IsComplete ? 0 : 1;
    }

    private static async Task<Dictionary<StationId, List<HourRecord>>> LoadAsync(
        string dataFile, Dictionary<StationId, string> passwords, int stationCount, int? hours, CancellationToken cancellationToken)
    {
        ImportOptions options = new()
        {
            ReceivedAt = SystemClock.Instance.GetCurrentInstant(),
            PeriodLabel = PeriodLabel.PeriodEnd,
            IsKnownStation = passwords.ContainsKey,
        };
        List<Observation> observations = [];
        await foreach (ImportItem item in new CnemcWideCsvReader(options).ReadFileAsync(dataFile, cancellationToken))
        {
            if (item.Observation is { } observation)
            {
                observations.Add(observation);
            }
        }

        return HourRecord.Group(observations)
            .OrderBy(e => e.Key.Value, StringComparer.Ordinal)
            .Take(stationCount)
            .ToDictionary(e => e.Key, e => hours is { } h ? e.Value.Take(h).ToList() : e.Value);
    }

    private static async Task ShowProgressAsync(SimulationProgress progress, Task run, TextWriter output)
    {
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
        {
            while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5))) != run)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"… {progress.FramesAcked}/{progress.FramesTotal} frames acknowledged"));
            }

            return;
        }

        await AnsiConsole.Progress().StartAsync(async context =>
        {
            ProgressTask task = context.AddTask("frames acknowledged", maxValue: Math.Max(1, progress.FramesTotal));
            while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(250))) != run)
            {
                task.Value = progress.FramesAcked;
            }

            task.Value = progress.FramesAcked;
        });
    }
}
