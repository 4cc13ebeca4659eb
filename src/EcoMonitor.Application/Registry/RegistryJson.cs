using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoMonitor.Application.Registry;

/// <summary>JSON settings and small readers shared by the registry files.</summary>
internal static class RegistryJson
{
    /// <summary>Operators edit these files by hand: comments and trailing commas are accepted.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Indented, with Chinese written as is rather than \u escapes, so that the file stays readable.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The string value of a property, or null when absent, null or not a string.</summary>
    public static string? GetString(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>True when the property is present and not JSON null.</summary>
    public static bool Has(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
}
