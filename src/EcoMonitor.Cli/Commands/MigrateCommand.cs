using System.CommandLine;
using System.Globalization;
using EcoMonitor.Application.Storage;
using Spectre.Console;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon migrate --from data/ecomonitor.db --to "Host=…;Database=…"</c>: copies a SQLite store into PostgreSQL,
/// table by table in pages, each page committed with the position reached so that running it again continues where
/// it stopped and copies nothing twice; shows progress, then compares row counts per table (docs/deploy.md).
/// </summary>
internal static class MigrateCommand
{
    public const int DefaultPageSize = 20_000;

    public static Command Create()
    {
        Option<string> from = new("--from") { Description = "The SQLite store to copy.", DefaultValueFactory = _ => CliPaths.Database };
        Option<string> to = new("--to") { Description = "The PostgreSQL database: an Npgsql connection string (Host=…;Database=…;Username=…).", Required = true };
        Option<int> page = new("--page-size") { Description = "Rows per committed page.", DefaultValueFactory = _ => DefaultPageSize };
        Option<int?> maxPages = new("--max-pages") { Description = "Stop after this many pages in total (run again to continue); all by default." };
        Command command = new("migrate", "Copy a SQLite store into PostgreSQL; resumable, with a count check per table at the end.")
        {
            from, to, page, maxPages,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(page), parse.GetValue(maxPages), Console.Out, cancellationToken));
        return command;
    }

    /// <summary>
    /// Copies what is left to copy. Returns 0 when every table's count in the target reaches the source's, 3 when the
    /// run stopped early (<paramref name="maxPages"/>), 1 when a count falls short or a store cannot be opened.
    /// </summary>
    public static async Task<int> RunAsync(string from, string to, int pageSize, int? maxPages, TextWriter output, CancellationToken cancellationToken)
    {
        if (CliStore.IsPostgres(from) || !File.Exists(from))
        {
            await output.WriteLineAsync($"error: --from must be an existing SQLite store file; '{from}' is not");
            return 1;
        }

        if (!CliStore.IsPostgres(to))
        {
            await output.WriteLineAsync("error: --to must be a PostgreSQL connection string (Host=…;Database=…)");
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

        return isEqual ? 0 : 1;
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
