using System.CommandLine;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Import;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon import FILE</c>: CSV, JSON or CNEMC wide-layout data into the store, refusing rows of unknown stations
/// or parameters with their line and reason, keeping the rest (docs/import.md, docs/cli.md). The import is recorded in
/// the audit trail as done by <c>cli:import:&lt;operating-system user&gt;</c>.
/// </summary>
internal static class ImportCommand
{
    private const int ErrorsShown = 20;

    private static string Actor => "cli:import:" + Environment.UserName;

    public static Command Create()
    {
        Argument<FileInfo> file = new("FILE") { Description = "The file to import (.csv, .json, or CNEMC .csv/.csv.gz)." };
        Option<string> format = new("--format") { Description = "csv, json or cnemc; by default from the file name.", };
        format.AcceptOnlyFromAmong("csv", "json", "cnemc");
        Option<string> periodLabel = new("--period-label") { Description = "start or end: which end of its period each row's time names.", DefaultValueFactory = _ => "start" };
        periodLabel.AcceptOnlyFromAmong("start", "end");
        Option<string> database = new("--db") { Description = "The store: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…).", DefaultValueFactory = _ => CliPaths.Database };
        Option<string> parameters = new("--parameters") { Description = "Parameter catalog.", DefaultValueFactory = _ => CliPaths.ParametersFile };
        Command command = new("import", "Import observations into the store; bad rows are reported with line and reason, good rows kept.")
        {
            file, format, periodLabel, database, parameters,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(file)!,
            parse.GetValue(format) ?? Guess(parse.GetValue(file)!.Name),
            parse.GetValue(periodLabel) == "end" ? PeriodLabel.PeriodEnd : PeriodLabel.PeriodStart,
            parse.GetValue(database)!,
            parse.GetValue(parameters)!,
            Console.Out,
            cancellationToken));
        return command;
    }

    /// <summary>Runs the import; returns 0 when every row was stored, 2 when some were refused, 1 when nothing could be read.</summary>
    public static async Task<int> RunAsync(
        FileInfo file, string format, PeriodLabel label, string database, string parametersFile, TextWriter output, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await output.WriteLineAsync($"error: {file.FullName} does not exist");
            return 1;
        }

        ParameterCatalog catalog;
        await using (FileStream catalogFile = File.OpenRead(parametersFile))
        {
            catalog = ParameterCatalog.Load(catalogFile).Catalog;
        }

        using CliStore store = await CliStore.OpenAsync(database, cancellationToken);
        HashSet<StationId> known = [.. (await store.Stations.ListAsync(cancellationToken)).Select(s => s.Id)];
        ImportOptions options = new()
        {
            ReceivedAt = SystemClock.Instance.GetCurrentInstant(),
            Source = ObservationSource.Import,
            PeriodLabel = format == "cnemc" ? PeriodLabel.PeriodEnd : label,
            Catalog = catalog,
            IsKnownStation = known.Contains,
        };
        await using FileStream? stream = format == "cnemc" ? null : file.OpenRead();
        IAsyncEnumerable<ImportItem> items = format switch
        {
            "json" => new ObservationJsonReader(options).ReadAsync(stream!, cancellationToken),
            "cnemc" => new CnemcWideCsvReader(options).ReadFileAsync(file.FullName, cancellationToken),
            _ => new ObservationCsvReader(options).ReadAsync(stream!, cancellationToken),
        };

        // No workers here: the store records the changed station-days as pending work, which a running node's sweep
        // takes up (a stopped one at its start), so the imported values are evaluated, checked and alarmed on.
        var writer = ObservationWriter.WithoutWorkers(store.Observations, store.Ingest);
        ImportReport report = await new ObservationImporter(writer, store.Observations, new AuditTrail(store.Audit))
            .ImportAsync(items, new ImportOrigin(Actor, file.Name), null, cancellationToken);
        foreach (ImportRowError error in report.Errors.Take(ErrorsShown))
        {
            await output.WriteLineAsync($"refused: {error}");
        }

        if (report.ErrorCount > ErrorsShown)
        {
            await output.WriteLineAsync($"… and {report.ErrorCount - ErrorsShown} more refused rows");
        }

        AppendResult s = report.Stored;
        await output.WriteLineAsync($"imported {file.Name}: {s.Total} rows stored ({s.Inserted} new, {s.Unchanged} unchanged, {s.Revised} revised), {report.ErrorCount} refused");
        return report.ErrorCount == 0 ? 0 : 2;
    }

    private static string Guess(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json"
        : name.Contains("cnemc", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "cnemc"
        : "csv";
}
