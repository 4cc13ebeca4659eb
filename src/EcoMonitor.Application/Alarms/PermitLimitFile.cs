using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A file of outlets' discharge-permit limits (排污许可限值) seeded at start-up (<c>Samples:PermitLimitsFile</c>; the
/// sample holds the demonstration outlet's): UTF-8 JSON, comments and trailing commas allowed,
/// <c>{ "permitLimits": [ { "station": "MN", "parameter": "a21026", "limit": 35, "permitNumber": "…" } ] }</c>, the
/// limit in the parameter's unit (the same entries as <c>PUT /api/v1/stations/{mn}/permit-limits</c>). A broken entry is
/// reported (index, field, reason) and skipped; the good ones are kept. Pure: whether the station is registered is the
/// caller's to check.
/// </summary>
public static class PermitLimitFile
{
    /// <summary>At most this many entries are read.</summary>
    public const int MaxEntries = 5000;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the limits of <paramref name="utf8Json"/>; <paramref name="errors"/> gets one line per refused entry.</summary>
    public static IReadOnlyList<PermitLimit> Parse(ReadOnlyMemory<byte> utf8Json, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException exception)
        {
            errors.Add($"not JSON: {exception.Message}");
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("permitLimits", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
            {
                errors.Add("no 'permitLimits' array");
                return [];
            }

            List<PermitLimit> limits = [];
            int index = 0;
            foreach (JsonElement entry in entries.EnumerateArray())
            {
                if (index >= MaxEntries)
                {
                    errors.Add($"more than {MaxEntries} entries; the rest is ignored");
                    break;
                }

                string? problem = Read(entry, limits, out PermitLimit? limit);
                if (problem is null && limit is not null)
                {
                    limits.Add(limit);
                }
                else
                {
                    errors.Add($"permitLimits[{index}]: {problem}");
                }

                index++;
            }

            return limits;
        }
    }

    private static string? Read(JsonElement entry, List<PermitLimit> read, out PermitLimit? limit)
    {
        limit = null;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        if (!entry.TryGetProperty("station", out JsonElement mn) || mn.ValueKind != JsonValueKind.String || !StationId.TryParse(mn.GetString(), out StationId station))
        {
            return "station: not an MN";
        }

        if (!entry.TryGetProperty("parameter", out JsonElement code) || code.ValueKind != JsonValueKind.String || !ParameterCode.TryParse(code.GetString(), out ParameterCode parameter))
        {
            return $"{station} parameter: not an HJ 212 parameter code";
        }

        if (!entry.TryGetProperty("limit", out JsonElement value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out decimal number) || number <= 0)
        {
            return $"{station} {parameter} limit: must be a positive number";
        }

        string permitNumber = entry.TryGetProperty("permitNumber", out JsonElement permit) && permit.ValueKind == JsonValueKind.String ? permit.GetString()! : string.Empty;
        if (PermitLimit.PermitNumberProblem(permitNumber) is { } problem)
        {
            return $"{station} {parameter} permitNumber: {problem}";
        }

        if (read.Exists(l => l.Station == station && l.Parameter == parameter))
        {
            return $"{station} {parameter} is given twice";
        }

        limit = new PermitLimit(station, parameter, number, permitNumber);
        return null;
    }
}
