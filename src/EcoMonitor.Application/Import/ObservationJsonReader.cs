using System.Runtime.CompilerServices;
using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Reads observations from a JSON array of objects with the fields of the long CSV format (docs/import.md), for the
/// HTTP API and JSON files. Streams element by element. Errors carry the 1-based position of the object in the
/// array as their line; a JSON syntax error ends the read with one error at its document line. Pure parsing; an
/// instance holds only its options and may be used concurrently.
/// </summary>
public sealed class ObservationJsonReader
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly ObservationRowParser _parser;

    /// <summary>Creates a reader with <paramref name="options"/>.</summary>
    public ObservationJsonReader(ImportOptions options) => _parser = new ObservationRowParser(options);

    /// <summary>Reads the array from <paramref name="stream"/> (UTF-8); the caller keeps ownership of the stream.</summary>
    public async IAsyncEnumerable<ImportItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using IAsyncEnumerator<JsonElement> elements = JsonSerializer
            .DeserializeAsyncEnumerable<JsonElement>(stream, SerializerOptions, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var errors = new List<ImportRowError>();
        long position = 0;
        while (true)
        {
            ImportRowError? syntaxError = null;
            bool hasNext;
            try
            {
                hasNext = await elements.MoveNextAsync();
            }
            catch (JsonException ex)
            {
                hasNext = false;
                syntaxError = new ImportRowError((ex.LineNumber ?? 0) + 1, ex.Path ?? string.Empty,
                    $"the document is not a valid JSON array of objects: {ex.Message}");
            }

            if (syntaxError is not null)
            {
                yield return ImportItem.Of(syntaxError);
            }

            if (!hasNext)
            {
                yield break;
            }

            position++;
            errors.Clear();
            Observation? observation = ReadElement(position, elements.Current, errors);
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

    private Observation? ReadElement(long position, JsonElement element, List<ImportRowError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ImportRowError(position, string.Empty, "each element must be a JSON object"));
            return null;
        }

        string? periodStart = null;
        string? periodEnd = null;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string? text = Text(property.Value);
            switch (property.Name)
            {
                case "station" or "parameter" or "interval" or "value" or "flag" or "min" or "max":
                    values[property.Name] = text;
                    break;
                case "period_start" or "periodStart":
                    periodStart = text;
                    break;
                case "period_end" or "periodEnd":
                    periodEnd = text;
                    break;
                default:
                    errors.Add(new ImportRowError(position, property.Name, "unknown property (check the spelling)"));
                    break;
            }
        }

        if (periodStart is not null && periodEnd is not null)
        {
            errors.Add(new ImportRowError(position, ObservationRowParser.PeriodStartColumn, "give either period_start or period_end, not both"));
        }

        if (errors.Count != 0)
        {
            return null;
        }

        var row = new ObservationRowText(
            values.GetValueOrDefault("station"), values.GetValueOrDefault("parameter"), values.GetValueOrDefault("interval"),
            periodEnd ?? periodStart, periodEnd is not null, values.GetValueOrDefault("value"), values.GetValueOrDefault("flag"),
            values.GetValueOrDefault("min"), values.GetValueOrDefault("max"));
        return _parser.Parse(position, row, errors);
    }

    /// <summary>Strings as they are; numbers as written (no binary rounding); null for null; other kinds as raw JSON so the parser reports them.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
