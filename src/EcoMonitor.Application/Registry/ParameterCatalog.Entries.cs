using System.Collections.Frozen;
using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>Reading the entries of a parameters file.</summary>
public sealed partial class ParameterCatalog
{
    private static readonly FrozenSet<string> Media =
        new[] { "air", "water", "noise", "meteorology", "outlet", "other" }.ToFrozenSet(StringComparer.Ordinal);

    private static List<Parameter> ReadEntries(JsonElement list, List<RegistryEntryError> errors)
    {
        var parameters = new List<Parameter>();
        var codes = new HashSet<ParameterCode>();
        var hj2005Codes = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            Parameter? parameter = ReadEntry(index, item, errors);
            if (parameter is not null)
            {
                if (!codes.Add(parameter.Code))
                {
                    errors.Add(new RegistryEntryError(index, parameter.Code.Value, "code", "the code appears more than once; the first entry is kept"));
                }
                else if (parameter.Hj2005Code is not null && !hj2005Codes.Add(parameter.Hj2005Code))
                {
                    errors.Add(new RegistryEntryError(index, parameter.Code.Value, "hj2005Code", $"HJ/T 212-2005 code '{parameter.Hj2005Code}' is already mapped to another parameter"));
                    codes.Remove(parameter.Code);
                }
                else
                {
                    parameters.Add(parameter);
                }
            }

            index++;
        }

        return parameters;
    }

    private static Parameter? ReadEntry(int index, JsonElement item, List<RegistryEntryError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RegistryEntryError(index, null, string.Empty, "the entry must be a JSON object"));
            return null;
        }

        string? codeText = RegistryJson.GetString(item, "code");
        if (codeText is null || !ParameterCode.TryParse(codeText, out ParameterCode code))
        {
            errors.Add(new RegistryEntryError(index, codeText, "code", "missing or not a parameter code (1-16 ASCII letters, digits or '_')"));
            return null;
        }

        int before = errors.Count;
        string? nameZh = Required(index, code, item, "nameZh", errors);
        string? nameEn = Required(index, code, item, "nameEn", errors);
        string? unit = RegistryJson.GetString(item, "unit");
        if (unit is null)
        {
            errors.Add(new RegistryEntryError(index, code.Value, "unit", "missing; write \"\" for a dimensionless parameter"));
        }

        string? medium = RegistryJson.GetString(item, "medium");
        if (medium is null || !Media.Contains(medium))
        {
            errors.Add(new RegistryEntryError(index, code.Value, "medium", $"'{medium}' is not one of {string.Join(", ", Media.Order(StringComparer.Ordinal))}"));
        }

        int decimals = 0;
        if (item.TryGetProperty("decimals", out JsonElement d) && !(d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out decimals) && decimals is >= 0 and <= 6))
        {
            errors.Add(new RegistryEntryError(index, code.Value, "decimals", "must be an integer from 0 to 6"));
        }

        string? hj2005 = RegistryJson.GetString(item, "hj2005Code");
        if (hj2005 is not null && !IsHj2005Code(hj2005))
        {
            errors.Add(new RegistryEntryError(index, code.Value, "hj2005Code", $"'{hj2005}' is not an HJ/T 212-2005 code (2 or 3 ASCII letters or digits)"));
        }

        if (errors.Count != before)
        {
            return null;
        }

        return new Parameter
        {
            Code = code, NameZh = nameZh!, NameEn = nameEn!, Unit = unit!, Decimals = decimals, Medium = medium!, Hj2005Code = hj2005,
        };
    }

    private static string? Required(int index, ParameterCode code, JsonElement item, string field, List<RegistryEntryError> errors)
    {
        string? value = RegistryJson.GetString(item, field);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new RegistryEntryError(index, code.Value, field, "missing or empty"));
            return null;
        }

        return value;
    }

    private static bool IsHj2005Code(string code) =>
        code.Length is 2 or 3 && code.All(char.IsAsciiLetterOrDigit);

    private static FrozenDictionary<string, string> ReadFlags(JsonElement root)
    {
        if (!root.TryGetProperty("dataFlags", out JsonElement flags)
            || !flags.TryGetProperty("flags", out JsonElement list)
            || list.ValueKind != JsonValueKind.Object)
        {
            return FrozenDictionary<string, string>.Empty;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty flag in list.EnumerateObject())
        {
            if (flag.Value.ValueKind == JsonValueKind.String)
            {
                result[flag.Name] = flag.Value.GetString()!;
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
