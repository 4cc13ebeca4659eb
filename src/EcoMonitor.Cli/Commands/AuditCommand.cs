using System.CommandLine;
using System.Text.Json;
using EcoMonitor.Application.Audit;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon audit verify [--db PATH] [--anchor SEQUENCE:HASH] [--json]</c>: recomputes the audit trail's hash chain in the
/// store and reports the first entry where it breaks (docs/audit.md). Exit code 0 intact, 2 broken, 1 bad argument.
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        Option<string> database = new("--db") { Description = "The store: a SQLite file or a PostgreSQL connection string (Host=…;Database=…).", DefaultValueFactory = _ => CliPaths.Database };
        Option<string> anchor = new("--anchor") { Description = "A head printed by an earlier verification (SEQUENCE:HASH): also finds entries cut off the end." };
        Option<bool> json = new("--json") { Description = "Print JSON." };
        Command verify = new("verify", "Verifies the audit trail's hash chain; prints the first entry where it breaks.") { database, anchor, json };
        verify.SetAction((parse, cancellationToken) =>
            VerifyAsync(parse.GetValue(database)!, parse.GetValue(anchor), parse.GetValue(json), Console.Out, cancellationToken));
        return new Command("audit", "The audit trail.") { verify };
    }

    /// <summary>Runs <c>audit verify</c>; 0 intact, 2 broken, 1 bad argument or missing store.</summary>
    public static async Task<int> VerifyAsync(string database, string? anchor, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        AuditAnchor? parsed = null;
        if (anchor is not null && !AuditAnchor.TryParse(anchor, out parsed))
        {
            await output.WriteLineAsync("error: --anchor must be SEQUENCE:HASH with a 64-digit hex hash, as verify prints its head");
            return 1;
        }

        if (!CliStore.IsPostgres(database) && !File.Exists(database))
        {
            await output.WriteLineAsync($"error: no store at '{Path.GetFullPath(database)}'");
            return 1;
        }

        using CliStore store = await CliStore.OpenAsync(database, cancellationToken);
        AuditVerification result = await new AuditChainVerifier(store.Audit).VerifyAsync(parsed, cancellationToken);
        string head = new AuditAnchor(result.HeadSequence, result.HeadHash).ToString();
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                intact = result.IsIntact, entriesChecked = result.EntriesChecked, head, prunedThrough = result.PrunedThrough,
                firstBrokenSequence = result.FirstBrokenSequence, problem = result.Problem,
            }, Json));
        }
        else if (result.IsIntact)
        {
            string pruned = result.PrunedThrough is { } through ? $" (entries up to {through} pruned by the retention)" : "";
            await output.WriteLineAsync($"audit trail intact: {result.EntriesChecked} entries{pruned}; head {head}");
        }
        else
        {
            await output.WriteLineAsync($"audit trail BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}");
            await output.WriteLineAsync($"entries checked: {result.EntriesChecked}; last good head {head}");
        }

        return result.IsIntact ? 0 : 2;
    }
}
