using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>The camelCase names of enums in the rule file, the API and the store (renaming a member is a breaking change).</summary>
public static class AlarmNames
{
    /// <summary>camelCase name of an enum member.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses a camelCase (or PascalCase) name of a defined member.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text[0])
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>Parses or throws <see cref="InvalidDataException"/> (for values read back from the store).</summary>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse(text, out TEnum value) ? value : throw new InvalidDataException($"Unknown {typeof(TEnum).Name} '{text}'.");

    /// <summary>The accepted names of an enum, for error messages.</summary>
    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => Of(v)));

    /// <summary>Interval names as in the API (realTime, minute, hour, day).</summary>
    public static string Of(ObservationInterval interval) => Of<ObservationInterval>(interval);
}
