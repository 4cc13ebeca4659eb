using System.Text.Json;
using EcoMonitor.Application.Audit;

namespace EcoMonitor.Web.Api;

/// <summary>One audit-trail entry as the API shows it.</summary>
/// <param name="Sequence">Position in the trail (1, 2, 3 … without gaps).</param>
/// <param name="RecordedAt">When it was recorded, ISO 8601 +08:00.</param>
/// <param name="Actor">Who: a user name or <c>system:&lt;component&gt;</c>.</param>
/// <param name="Action">What, e.g. <c>station.changed</c>.</param>
/// <param name="SubjectType">Kind of subject, e.g. <c>station</c>.</param>
/// <param name="SubjectId">The subject's id, e.g. an MN.</param>
/// <param name="Before">The subject before the change; null when it did not exist.</param>
/// <param name="After">The subject after the change; null when removed or not a state change.</param>
/// <param name="Reason">Reason code and/or comment.</param>
/// <param name="Address">The network address the actor acted from; null for the platform's own components.</param>
/// <param name="PreviousHash">Hash of the entry before (hex SHA-256).</param>
/// <param name="Hash">This entry's hash (hex SHA-256).</param>
public sealed record AuditEntryDto(
    long Sequence,
    string RecordedAt,
    string Actor,
    string Action,
    string SubjectType,
    string SubjectId,
    JsonElement? Before,
    JsonElement? After,
    string? Reason,
    string? Address,
    string PreviousHash,
    string Hash)
{
    /// <summary>Maps a stored entry; before/after that are not JSON are shown as JSON strings.</summary>
    public static AuditEntryDto From(AuditEntry e) => new(
        e.Sequence, ApiTime.Format(e.RecordedAt), e.Actor, e.Action, e.SubjectType, e.SubjectId, Json(e.Before), Json(e.After),
        e.Reason, e.Address, e.PreviousHash, e.Hash);

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }
}
