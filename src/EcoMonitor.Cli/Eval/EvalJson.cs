using System.Text.Json.Nodes;

namespace EcoMonitor.Cli.Eval;

/// <summary>Output helpers: decimals without trailing zeros, nullable values, lists.</summary>
internal static class EvalJson
{
    public static JsonNode? Number(decimal? value) =>
        value is { } v ? JsonValue.Create(v / 1.0000000000000000000000000000m) : null;

    public static JsonNode? Number(int? value) => value is { } v ? JsonValue.Create(v) : null;

    public static JsonNode? Number(double? value) =>
        value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    public static JsonNode? Bool(bool? value) => value is { } v ? JsonValue.Create(v) : null;

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
