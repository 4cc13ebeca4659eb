using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Reads observations from the long CSV format (docs/import.md): a header naming the columns
/// <c>station,parameter,interval,period_start|period_end,value[,flag][,min][,max]</c> in any order, then one
/// observation per line. Streams line by line; a bad row becomes an <see cref="ImportRowError"/> and reading goes
/// on. Pure parsing: it writes nothing. An instance holds only its options and may be used concurrently.
/// </summary>
public sealed class ObservationCsvReader
{
    private static readonly string[] Required = ["station", "parameter", "interval", "value"];
    private static readonly FrozenSet<string> Known = new[]
    {
        "station", "parameter", "interval", ObservationRowParser.PeriodStartColumn, ObservationRowParser.PeriodEndColumn,
        "value", "flag", "min", "max",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly ObservationRowParser _parser;

    /// <summary>Creates a reader with <paramref name="options"/>.</summary>
    public ObservationCsvReader(ImportOptions options) => _parser = new ObservationRowParser(options);

    /// <summary>Reads a stream (UTF-8, optionally gzip when seekable); the stream is disposed at the end.</summary>
    public IAsyncEnumerable<ImportItem> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        ReadAsync(ImportText.OpenReader(stream), cancellationToken);

    /// <summary>Reads lines from <paramref name="reader"/>, which is disposed at the end.</summary>
    public async IAsyncEnumerable<ImportItem> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using (reader)
        {
            var fields = new List<string>();
            var errors = new List<ImportRowError>();
            string? header = await reader.ReadLineAsync(cancellationToken);
            Dictionary<string, int>? columns = header is null ? null : ReadHeader(header, fields, errors);
            foreach (ImportRowError error in errors)
            {
                yield return ImportItem.Of(error);
            }

            if (columns is null)
            {
                if (header is null)
                {
                    yield return ImportItem.Of(new ImportRowError(1, string.Empty, "the file is empty; expected a header line"));
                }

                yield break;
            }

            bool periodIsEnd = columns.ContainsKey(ObservationRowParser.PeriodEndColumn);
            int period = columns[periodIsEnd ? ObservationRowParser.PeriodEndColumn : ObservationRowParser.PeriodStartColumn];
            long line = 1;
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                errors.Clear();
                Observation? observation = ReadRow(line, text, columns, period, periodIsEnd, fields, errors);
                if (observation is not null)
                {
                    yield return ImportItem.Of(observation);
                }

                foreach (ImportRowError error in errors)
                {
                    yield return ImportItem.Of(error);
                }
            }
        }
    }

    private Observation? ReadRow(long line, string text, Dictionary<string, int> columns, int period, bool periodIsEnd, List<string> fields, List<ImportRowError> errors)
    {
        if (!CsvFields.Split(text, fields))
        {
            errors.Add(new ImportRowError(line, string.Empty, "a quoted field is not closed"));
            return null;
        }

        if (fields.Count != columns.Count)
        {
            errors.Add(new ImportRowError(line, string.Empty, $"the row has {fields.Count} fields but the header has {columns.Count}"));
            return null;
        }

        var row = new ObservationRowText(
            Cell(fields, columns, "station"), Cell(fields, columns, "parameter"), Cell(fields, columns, "interval"),
            fields[period], periodIsEnd, Cell(fields, columns, "value"), Cell(fields, columns, "flag"),
            Cell(fields, columns, "min"), Cell(fields, columns, "max"));
        return _parser.Parse(line, row, errors);
    }

    private static string? Cell(List<string> fields, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out int index) ? fields[index] : null;

    private static Dictionary<string, int>? ReadHeader(string header, List<string> fields, List<ImportRowError> errors)
    {
        CsvFields.Split(header.TrimStart('\uFEFF'), fields);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].ToLowerInvariant();
            if (!Known.Contains(name))
            {
                errors.Add(new ImportRowError(1, fields[i], $"unknown column; the columns are {string.Join(", ", Known.Order(StringComparer.Ordinal))}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportRowError(1, fields[i], "the column appears twice"));
            }
        }

        foreach (string name in Required.Where(n => !columns.ContainsKey(n)))
        {
            errors.Add(new ImportRowError(1, name, "required column missing"));
        }

        bool hasStart = columns.ContainsKey(ObservationRowParser.PeriodStartColumn);
        bool hasEnd = columns.ContainsKey(ObservationRowParser.PeriodEndColumn);
        if (hasStart == hasEnd)
        {
            errors.Add(new ImportRowError(1, ObservationRowParser.PeriodStartColumn, hasStart
                ? "give either period_start or period_end, not both"
                : "required column missing (period_start, or period_end for end-labelled periods)"));
        }

        return errors.Count == 0 ? columns : null;
    }
}
