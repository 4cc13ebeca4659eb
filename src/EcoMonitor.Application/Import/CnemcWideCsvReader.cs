using System.Globalization;
using System.Runtime.CompilerServices;
using EcoMonitor.Domain;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Reads the CNEMC wide layout (<c>date,hour,type,&lt;station&gt;…</c>, as the national real-time release platform's
/// daily station files and samples/history) into hourly observations. CNEMC labels the period end: the value at
/// hour H of date D is the mean over (H−1:00, H:00] CST, so it is stored with period start D H:00 − 1 h (hour 0 of D
/// starts at 23:00 of D−1). Empty cells are missing values and give nothing. Derived types (AQI, *_24h, O3_8h…) are
/// not observations; they go to the optional callback. Streams line by line; reads .csv or .csv.gz. Pure parsing;
/// an instance holds only its options and may be used concurrently.
/// </summary>
public sealed class CnemcWideCsvReader
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    private readonly ImportOptions _options;
    private readonly Action<CnemcDerivedValue>? _derived;

    /// <summary>Creates a reader; <paramref name="derived"/>, when given, receives every derived value read.</summary>
    public CnemcWideCsvReader(ImportOptions options, Action<CnemcDerivedValue>? derived = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _derived = derived;
    }

    /// <summary>Reads a file, plain or gzip.</summary>
    public IAsyncEnumerable<ImportItem> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(ImportText.OpenFile(path), cancellationToken);

    /// <summary>Reads a stream (gzip detected when seekable); the stream is disposed at the end.</summary>
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
            StationId?[]? stations = header is null ? null : ReadHeader(header, fields, errors);
            foreach (ImportRowError error in errors)
            {
                yield return ImportItem.Of(error);
            }

            if (stations is null)
            {
                if (header is null)
                {
                    yield return ImportItem.Of(new ImportRowError(1, string.Empty, "the file is empty; expected the header date,hour,type,<station>…"));
                }

                yield break;
            }

            var items = new List<ImportItem>();
            long line = 1;
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                items.Clear();
                ReadRow(line, text, stations, fields, items);
                foreach (ImportItem item in items)
                {
                    yield return item;
                }
            }
        }
    }

    private void ReadRow(long line, string text, StationId?[] stations, List<string> fields, List<ImportItem> items)
    {
        CsvFields.Split(text, fields);
        if (fields.Count != stations.Length)
        {
            items.Add(ImportItem.Of(new ImportRowError(line, string.Empty, $"the row has {fields.Count} fields but the header has {stations.Length}")));
            return;
        }

        ParseResult<LocalDate> date = DatePattern.Parse(fields[0]);
        if (!date.Success)
        {
            items.Add(ImportItem.Of(new ImportRowError(line, "date", $"'{fields[0]}' is not a date written yyyyMMdd")));
            return;
        }

        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int hour) || hour > 23)
        {
            items.Add(ImportItem.Of(new ImportRowError(line, "hour", $"'{fields[1]}' is not an hour from 0 to 23")));
            return;
        }

        string type = fields[2];
        bool isMeasured = CnemcTypes.Measured.TryGetValue(type, out ParameterCode parameter);
        if (!isMeasured && !CnemcTypes.Derived.Contains(type))
        {
            items.Add(ImportItem.Of(new ImportRowError(line, "type", $"'{type}' is not a CNEMC type (PM2.5, PM10, SO2, NO2, O3, CO or a derived type such as AQI, PM2.5_24h, O3_8h)")));
            return;
        }

        if (!isMeasured && _derived is null)
        {
            return;
        }

        if (date.Value.Year is <= 1 or >= 9999)
        {
            items.Add(ImportItem.Of(new ImportRowError(line, "date", $"'{fields[0]}' is not a date that can be true")));
            return;
        }

        LocalDateTime label = date.Value.AtMidnight().PlusHours(hour);
        var labelInstant = ChinaTime.ToInstant(label);
        Instant start = labelInstant - Duration.FromHours(1);
        if (_options.TimeWindow.Problem(start, _options.ReceivedAt) is { } refused)
        {
            items.Add(ImportItem.Of(new ImportRowError(line, "date", refused)));
            return;
        }
        for (int i = 3; i < fields.Count; i++)
        {
            if (stations[i] is not StationId station || fields[i].Length == 0)
            {
                continue;
            }

            if (!decimal.TryParse(fields[i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                items.Add(ImportItem.Of(new ImportRowError(line, station.Value, $"'{fields[i]}' is not a number")));
                continue;
            }

            if (!isMeasured)
            {
                _derived!(new CnemcDerivedValue(line, station, type, label, labelInstant, value));
                continue;
            }

            items.Add(ImportItem.Of(new Observation
            {
                Station = station, Parameter = parameter, Interval = ObservationInterval.Hour, PeriodStart = start,
                Value = value, Source = _options.Source, ReceivedAt = _options.ReceivedAt,
            }));
        }
    }

    /// <summary>The station of each column (null for date/hour/type and for rejected columns), or null when the header is unusable.</summary>
    private StationId?[]? ReadHeader(string header, List<string> fields, List<ImportRowError> errors)
    {
        CsvFields.Split(header.TrimStart('\uFEFF'), fields);
        if (fields.Count < 4 || fields[0] != "date" || fields[1] != "hour" || fields[2] != "type")
        {
            errors.Add(new ImportRowError(1, string.Empty, "the header must be date,hour,type followed by at least one station code"));
            return null;
        }

        var stations = new StationId?[fields.Count];
        var seen = new HashSet<StationId>();
        for (int i = 3; i < fields.Count; i++)
        {
            if (!StationId.TryParse(fields[i], out StationId station))
            {
                errors.Add(new ImportRowError(1, fields[i], "the column is not a valid station code; its values are skipped"));
            }
            else if (!seen.Add(station))
            {
                errors.Add(new ImportRowError(1, fields[i], "the station column appears twice; only the first is read"));
            }
            else if (_options.IsKnownStation is { } isKnown && !isKnown(station))
            {
                errors.Add(new ImportRowError(1, fields[i], $"station '{fields[i]}' is not in the registry; its values are skipped"));
            }
            else
            {
                stations[i] = station;
            }
        }

        return stations;
    }
}
