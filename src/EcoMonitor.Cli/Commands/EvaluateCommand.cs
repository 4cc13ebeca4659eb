using System.CommandLine;
using System.Text.Json;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon evaluate --station MN | --region CODE --from DATE --to DATE [--json]</c>: recomputes the station's (or
/// the city's stations') evaluations for the days from..to (inclusive, CST) from the observations in the store, stores
/// them as the server does, and prints the daily AQI and the HJ 663-2013 period statistics (docs/cli.md).
/// </summary>
internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        Option<string> station = new("--station") { Description = "Station MN." };
        Option<string> region = new("--region") { Description = "City (prefecture level, e.g. 220100) or county (e.g. 220104) region code." };
        Option<string> from = new("--from") { Description = "First day, yyyy-MM-dd (CST).", Required = true };
        Option<string> to = new("--to") { Description = "Last day, yyyy-MM-dd (CST), inclusive.", Required = true };
        Option<bool> json = new("--json") { Description = "Print JSON instead of a table." };
        Option<string> database = new("--db") { Description = "The store: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…).", DefaultValueFactory = _ => CliPaths.Database };
        Command command = new("evaluate", "Daily AQI and HJ 663 period statistics of a station or city, from the store.")
        {
            station, region, from, to, json, database,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(station), parse.GetValue(region), parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(json),
            parse.GetValue(database)!, Console.Out, cancellationToken));
        return command;
    }

    /// <summary>Runs the command; 0 on success, 1 on a bad argument or an unknown station or city.</summary>
    public static async Task<int> RunAsync(
        string? station, string? region, string from, string to, bool json, string database, TextWriter output, CancellationToken cancellationToken)
    {
        ParseResult<LocalDate> first = LocalDatePattern.Iso.Parse(from);
        ParseResult<LocalDate> last = LocalDatePattern.Iso.Parse(to);
        if ((station is null) == (region is null) || !first.Success || !last.Success || first.Value > last.Value)
        {
            await output.WriteLineAsync("error: give exactly one of --station and --region, and --from <= --to as yyyy-MM-dd");
            return 1;
        }

        using CliStore store = await CliStore.OpenAsync(database, cancellationToken);
        IReadOnlyList<Station> all = await store.Stations.ListAsync(cancellationToken);
        (EvaluationSubject? subject, StationId[] members) = Resolve(station, region, all);
        if (subject is not { } target)
        {
            await output.WriteLineAsync($"error: no such {(station is null ? "city or county with air-quality stations" : "station")} '{station ?? region}'");
            return 1;
        }

        int days = Period.DaysBetween(first.Value, last.Value) + 1;
        StationDay[] dirty = [.. members.SelectMany(m => Enumerable.Range(0, days).Select(d => new StationDay(m, first.Value.PlusDays(d))))];
        await Evaluator(store).RecomputeAsync(dirty, cancellationToken);
        IReadOnlyList<DailyAqiRecord> daily = await store.Evaluations.QueryDailyAsync(target.Scope, target.Code, first.Value, last.Value, cancellationToken);
        AirPeriodStatistics statistics = AirStatistics.Compute(target, first.Value, last.Value, daily);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { daily, statistics }, Json));
        }
        else
        {
            await EvaluateTable.WriteAsync(output, daily, statistics);
        }

        return 0;
    }

    /// <summary>As the server evaluates: values with an invalid quality finding left out, when the rules file is there (run from the repository root).</summary>
    private static AirEvaluator Evaluator(CliStore store)
    {
        if (!File.Exists(CliPaths.QualityRulesFile))
        {
            Console.Error.WriteLine($"note: {CliPaths.QualityRulesFile} not found; evaluating without the automatic quality checks");
            return new AirEvaluator(store.Observations, store.Stations, store.Evaluations);
        }

        var checker = new QualityChecker(QualityServiceCollectionExtensions.LoadRules(CliPaths.QualityRulesFile));
        return new AirEvaluator(store.Observations, store.Stations, store.Evaluations, new StationValidity(store.Observations, store.Stations, checker, store.Get<IReviewStore>()), store.Quality);
    }

    private static (EvaluationSubject? Subject, StationId[] Members) Resolve(string? station, string? region, IReadOnlyList<Station> all)
    {
        if (station is not null)
        {
            Station? found = all.FirstOrDefault(s => s.Id.Value == station);
            return found is null ? (null, []) : (EvaluationSubject.Of(found.Id), [found.Id]);
        }

        if (!RegionCode.TryParse(region, out RegionCode code) || code.Province == code)
        {
            return (null, []);
        }

        bool isCity = code.Prefecture == code;
        StationId[] members = [.. all.Where(s => s.Type == StationType.AirQuality && (isCity ? s.Region.Prefecture == code : s.Region == code)).Select(s => s.Id)];
        return members.Length == 0 ? (null, []) : (isCity ? EvaluationSubject.Of(code) : EvaluationSubject.OfCounty(code), members);
    }
}
