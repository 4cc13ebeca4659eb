using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// How subjects are written into an entry's before/after: System.Text.Json, camelCase, enums as names, compact,
/// non-ASCII kept readable (中文 stays 中文). The hash covers the stored text, so the exact form only has to be stable
/// for one entry, not across versions.
/// </summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON of <paramref name="value"/>, or null when it is null.</summary>
    public static string? Serialize<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value, Options);
}
