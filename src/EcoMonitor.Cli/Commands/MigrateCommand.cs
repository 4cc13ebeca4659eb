using System.CommandLine;
using System.Globalization;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Storage.Transfer;
using Spectre.Console;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon migrate --from data/ecomonitor.db --to "Host=…;Database=…"</c>: copies one store into another (SQLite into
/// PostgreSQL, or back), every table in <see cref="TransferTables.All"/> order, in pages, each page committed with the
/// position reached so that running it again continues where it stopped and copies nothing twice; shows progress,
/// then compares row counts per table and verifies the copied audit trail's hash chain (docs/deploy.md).
/// </summary>
internal static class MigrateCommand
{
    public const int DefaultPageSize = 20_000;

    public static Command Create()
    {
        Option<string> from = new("--from") { Description = "The store to copy: a SQLite file or a PostgreSQL connection string (Host=…;Database=…).", DefaultValueFactory = _ => CliPaths.Database };
        Option<string> to = new("--to") { Description = "The store to copy into: a PostgreSQL connection string (Host=…;Database=…;Username=…) or a SQLite file.", Required = true };
        Option<int> page = new("--page-size") { Description = "Rows per committed page.", DefaultValueFactory = _ => DefaultPageSize };
        Option<int?> maxPages = new("--max-pages") { Description = "Stop after this many pages in total (run again to continue); all by default." };
        Command command = new("migrate", "Copy a store into another (SQLite into PostgreSQL or back); resumable, with a count check per table and an audit chain check at the end.")
        {
            from, to, page, maxPages,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(page), parse.GetValue(maxPages), Console.Out, cancellationToken));
        return command;
    }

    /// <summary>
    /// Copies what is left to copy. Returns 0 when every table's count in the target reaches the source's and the
    /// copied audit trail is intact up to the source's head, 3 when the run stopped early (<paramref name="maxPages"/>),
    /// 2 when the target's audit chain is broken, 1 when a count falls short or a store cannot be used.
    /// </summary>
    public static async Task<int> RunAsync(string from, string to, int pageSize, int? maxPages, TextWriter output, CancellationToken cancellationToken)
    {
        if (!CliStore.IsPostgres(from) && !File.Exists(from))
        {
            await output.WriteLineAsync($"error: --from must be an existing SQLite store file or a PostgreSQL connection string (Host=…;Database=…); '{from}' is neither");
            return 1;
        }

        if (string.Equals(CliStore.IsPostgres(from) ? from : Path.GetFullPath(from), CliStore.IsPostgres(to) ? to : Path.GetFullPath(to), StringComparison.Ordinal))
        {
            await output.WriteLineAsync("error: --from and --to name the same store");
            return 1;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        using CliStore source = await CliStore.OpenAsync(from, cancellationToken);
        using CliStore target = await CliStore.OpenAsync(to, cancellationToken);
        IStoreExport export = source.Get<IStoreExport>();
        IStoreImport import = target.Get<IStoreImport>();

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string table in TransferTables.All)
        {
            totals[table] = await export.CountAsync(table, cancellationToken);
            if (await ForeignRowsAsync(import, table, totals[table], cancellationToken) is { } foreign)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: the target already holds {foreign} rows of {table} that did not come from this copy; its ids (and the audit chain) cannot be merged — copy into an empty store"));
                return 1;
            }
        }

        var copier = new Copier(export, import, pageSize, maxPages);
        bool isComplete;
        if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
        {
            isComplete = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = TransferTables.All.ToDictionary(
                        t => t, t => context.AddTask(t, maxValue: Math.Max(1, totals[t])), StringComparer.Ordinal);
                    return await copier.RunAsync((table, copied) => tasks[table].Value = copied, cancellationToken);
                });
        }
        else
        {
            isComplete = await copier.RunAsync(
                (table, copied) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table}: {copied}/{totals[table]}")),
                cancellationToken);
        }

        if (!isComplete)
        {
            await output.WriteLineAsync($"stopped after {maxPages} pages; run the same command again to continue");
            return 3;
        }

        bool isEqual = true;
        await output.WriteLineAsync("table                source      target  check");
        foreach (string table in TransferTables.All)
        {
            long copied = await import.CountAsync(table, cancellationToken);
            // The target may hold more (data a node ingested meanwhile), never less.
            string check = copied == totals[table] ? "equal" : copied > totals[table] ? "target has more" : "MISSING ROWS";
            isEqual &= copied >= totals[table];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{table,-20} {totals[table],8} {copied,11}  {check}"));
        }

        if (!isEqual)
        {
            return 1;
        }

        return await VerifyAuditAsync(source, target, output, cancellationToken) ? 0 : 2;
    }

    /// <summary>
    /// The rows a table keeping source ids (<see cref="TransferTable.KeepsSourceIds"/>) already holds in the target when
    /// its copy has not started, or null when there are none or nothing to copy.
    /// </summary>
    private static async Task<long?> ForeignRowsAsync(IStoreImport import, string table, long sourceRows, CancellationToken cancellationToken)
    {
        if (!TransferTables.Of(table).KeepsSourceIds || sourceRows == 0 || await import.CursorAsync(table, cancellationToken) is not null)
        {
            return null;
        }

        long rows = await import.CountAsync(table, cancellationToken);
        return rows > 0 ? rows : null;
    }

    /// <summary>
    /// Verifies the target's audit trail (as <c>ecomon audit verify</c>) anchored at the source's head, so the copy must
    /// hold the very same chain up to there; false when it is broken or the source's head is missing.
    /// </summary>
    private static async Task<bool> VerifyAuditAsync(CliStore source, CliStore target, TextWriter output, CancellationToken cancellationToken)
    {
        AuditVerification original = await new AuditChainVerifier(source.Audit).VerifyAsync(null, cancellationToken);
        AuditAnchor? anchor = original.HeadSequence > 0 ? new AuditAnchor(original.HeadSequence, original.HeadHash) : null;
        AuditVerification copy = await new AuditChainVerifier(target.Audit).VerifyAsync(anchor, cancellationToken);
        if (!copy.IsIntact)
        {
            await output.WriteLineAsync($"audit trail of the target BROKEN at entry {copy.FirstBrokenSequence}: {copy.Problem}");
            return false;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"audit trail of the target intact: {copy.EntriesChecked} entries; head {new AuditAnchor(copy.HeadSequence, copy.HeadHash)}{(anchor is { } a ? $" (source head {a} included)" : "")}"));
        return true;
    }

    /// <summary>Copies every table from where the target's cursor says it stopped.</summary>
    private sealed class Copier(IStoreExport export, IStoreImport import, int pageSize, int? maxPages)
    {
        private int _pages;

        /// <summary>Returns false when it stopped at <c>maxPages</c> before the end.</summary>
        public async Task<bool> RunAsync(Action<string, long> progress, CancellationToken cancellationToken)
        {
            foreach (string table in TransferTables.All)
            {
                string? cursor = await import.CursorAsync(table, cancellationToken);
                long copied = cursor is null ? 0 : await import.CountAsync(table, cancellationToken);
                progress(table, copied);
                while (true)
                {
                    if (maxPages is { } max && _pages >= max)
                    {
                        return false;
                    }

                    TransferChunk chunk = await export.ReadAsync(table, cursor, pageSize, cancellationToken);
                    if (chunk.Rows.Count == 0)
                    {
                        break;
                    }

                    TransferTables.MaskPasswords(table, chunk.Rows);
                    await import.WriteAsync(table, chunk, cancellationToken);
                    _pages++;
                    cursor = chunk.Cursor;
                    copied += chunk.Rows.Count;
                    progress(table, copied);
                    if (chunk.Rows.Count < pageSize)
                    {
                        break;
                    }
                }
            }

            return true;
        }
    }
}
