using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The text both store engines keep for the means of a <see cref="WaterDayRecord"/> (and that <c>ecomon migrate</c>
/// copies as is): a JSON array of <c>["code", "decimal text", values]</c>, decimals as invariant text without
/// trailing zeros, so no binary rounding and equal means have equal text.
/// </summary>
public static class WaterItemMeanText
{
    /// <summary>The text of <paramref name="means"/>.</summary>
    public static string Format(IReadOnlyList<WaterItemMean> means)
    {
        ArgumentNullException.ThrowIfNull(means);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (WaterItemMean mean in means)
            {
                json.WriteStartArray();
                json.WriteStringValue(mean.Parameter.Value);
                json.WriteStringValue(mean.Mean.ToString("G29", CultureInfo.InvariantCulture));
                json.WriteNumberValue(mean.Values);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The means of a stored text; <see cref="InvalidDataException"/> when it is not such a text.</summary>
    public static WaterItemMean[] Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return [.. document.RootElement.EnumerateArray().Select(item => new WaterItemMean(
                ParameterCode.Parse(item[0].GetString()!),
                decimal.Parse(item[1].GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
                item[2].GetInt32()))];
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"Stored water means '{text}' are not readable.", exception);
        }
    }
}
