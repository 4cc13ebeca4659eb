using System.CommandLine;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon quality recheck --from DAY --to DAY [--station MN] [--db PATH] [--rules FILE]</c>: re-runs the automatic
/// checks and the falsification scoring over stored data after the rules changed, recording every change in the audit
/// trail (docs/cli.md, docs/quality.md). Exit code 0 done, 1 bad argument or missing store.
/// </summary>
internal static class QualityCommand
{
    /// <summary>The actor recorded in the audit trail.</summary>
    public const string Actor = "cli:quality-recheck";

    public static Command Create()
    {
        Option<string> database = new("--db") { Description = "SQLite file or PostgreSQL connection string.", DefaultValueFactory = _ => CliPaths.Database };
        Option<string> rules = new("--rules") { Description = "The quality rules file to check with.", DefaultValueFactory = _ => CliPaths.QualityRulesFile };
        Option<string> from = new("--from") { Description = "First CST day (yyyy-MM-dd), inclusive.", Required = true };
        Option<string> to = new("--to") { Description = "Last CST day (yyyy-MM-dd), inclusive.", Required = true };
        Option<string> station = new("--station") { Description = "One station's MN (default: every station)." };
        Command recheck = new("recheck", "Re-runs the quality checks and falsification scoring over stored days; changes go to the audit trail.") { from, to, station, database, rules };
        recheck.SetAction((parse, cancellationToken) => RecheckAsync(
            parse.GetValue(database)!, parse.GetValue(rules)!, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(station), Console.Out, cancellationToken));
        return new Command("quality", "Automatic quality checks.") { recheck };
    }

    /// <summary>Runs <c>quality recheck</c>; 0 done, 1 bad argument or missing store.</summary>
    public static async Task<int> RecheckAsync(string database, string rules, string from, string to, string? station, TextWriter output, CancellationToken cancellationToken)
    {
        ParseResult<LocalDate> first = LocalDatePattern.Iso.Parse(from);
        ParseResult<LocalDate> last = LocalDatePattern.Iso.Parse(to);
        if (!first.Success || !last.Success || last.Value < first.Value || Period.Between(first.Value, last.Value, PeriodUnits.Days).Days >= QualityRecheck.MaxDays)
        {
            await output.WriteLineAsync($"error: --from and --to must be days (yyyy-MM-dd), from ≤ to, at most {QualityRecheck.MaxDays} days");
            return 1;
        }

        StationId? id = null;
        if (station is not null)
        {
            if (!StationId.TryParse(station, out StationId parsed))
            {
                await output.WriteLineAsync($"error: --station '{station}' is not an MN");
                return 1;
            }

            id = parsed;
        }

        if (!CliStore.IsPostgres(database) && !File.Exists(database))
        {
            await output.WriteLineAsync($"error: no store at '{Path.GetFullPath(database)}'");
            return 1;
        }

        if (!File.Exists(rules))
        {
            await output.WriteLineAsync($"error: no quality rules file at '{Path.GetFullPath(rules)}'");
            return 1;
        }

        using CliStore store = await CliStore.OpenAsync(database, builder =>
        {
            builder.Configuration["Quality:RulesFile"] = rules;
            builder.Services.AddAuditTrail();
            builder.Services.AddQualityChecks();
        }, cancellationToken);
        if (id is { } one && await store.Stations.GetAsync(one, cancellationToken) is null)
        {
            await output.WriteLineAsync($"error: station '{one}' is not registered");
            return 1;
        }

        RecheckReport report = await store.Get<QualityRecheck>().RunAsync(first.Value, last.Value, id, Actor, cancellationToken);
        await output.WriteLineAsync(
            $"rechecked {report.StationDays} station-days: {report.RangesChanged} ranges changed (+{report.FindingsAdded} / -{report.FindingsRemoved} findings), {report.OutletDaysRescored} outlet-days rescored; changes recorded in the audit trail");
        return 0;
    }
}
