using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoMonitor.Cli.Eval;

/// <summary>Typed access to the fields of one <c>ecomon eval</c> input object; a wrong field throws <see cref="EvalInputException"/>.</summary>
internal sealed class EvalInput(JsonObject fields)
{
    public JsonObject Fields { get; } = fields;

    public decimal Decimal(string name) =>
        OptionalDecimal(name) ?? throw new EvalInputException($"'{name}' is required (a number)");

    public decimal? OptionalDecimal(string name) => ToDecimal(Fields[name], name);

    public int Int(string name)
    {
        decimal value = Decimal(name);
        return value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new EvalInputException($"'{name}' must be an integer");
    }

    public string String(string name) =>
        Fields[name] is JsonValue value && value.TryGetValue(out string? text) ? text
        : Fields[name] is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? number.ToJsonString()
        : throw new EvalInputException($"'{name}' is required (a string)");

    public JsonArray Array(string name) =>
        Fields[name] as JsonArray ?? throw new EvalInputException($"'{name}' is required (an array)");

    public JsonObject Object(string name) =>
        Fields[name] as JsonObject ?? throw new EvalInputException($"'{name}' is required (an object)");

    public decimal?[] NullableDecimals(string name) => [.. Array(name).Select((n, i) => ToDecimal(n, $"{name}[{i}]"))];

    public decimal[] Decimals(string name) =>
        [.. NullableDecimals(name).Select((v, i) => v ?? throw new EvalInputException($"'{name}[{i}]' must be a number"))];

    public static decimal? ToDecimal(JsonNode? node, string name)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            try
            {
                return value.GetValue<decimal>();
            }
            catch (FormatException)
            {
                throw new EvalInputException($"'{name}' is out of range");
            }
            catch (InvalidOperationException)
            {
                throw new EvalInputException($"'{name}' is out of range");
            }
        }

        throw new EvalInputException($"'{name}' must be a number or null");
    }
}
