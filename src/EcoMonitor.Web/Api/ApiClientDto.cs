using EcoMonitor.Application.Access;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>An API client as the security administrator sees it: never its key, secret or hash.</summary>
/// <param name="Id">The public id (the part of the key after <c>ecm_</c>).</param>
/// <param name="Name">What the client is.</param>
/// <param name="Owner">The department or system that holds the key.</param>
/// <param name="Permissions">What the key may do (dotted names).</param>
/// <param name="Jurisdiction">The region code whose stations it sees.</param>
/// <param name="RequestsPerSecond">Its rate.</param>
/// <param name="Burst">Requests it may make at once after a quiet spell.</param>
/// <param name="State"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
/// <param name="CreatedAt">When it was issued (ISO 8601, +08:00).</param>
/// <param name="CreatedBy">Who issued it.</param>
/// <param name="ExpiresAt">When the key stops working.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="RevokedBy">Who revoked it.</param>
/// <param name="LastUsedAt">The last request with the key (to the minute).</param>
public sealed record ApiClientDto(
    string Id, string Name, string Owner, IReadOnlyList<string> Permissions, string Jurisdiction, int RequestsPerSecond, int Burst, string State,
    string CreatedAt, string CreatedBy, string ExpiresAt, string? RevokedAt, string? RevokedBy, string? LastUsedAt)
{
    internal static ApiClientDto From(ApiClient c, Instant now) => new(
        c.Id, c.Name, c.Owner, [.. c.Permissions.Enumerate().Select(p => p.Name())], c.Jurisdiction.ToString(), c.RequestsPerSecond, c.Burst,
        c.RevokedAt is not null ? "revoked" : c.ExpiresAt <= now ? "expired" : "active",
        ApiTime.Format(c.CreatedAt), c.CreatedBy, ApiTime.Format(c.ExpiresAt),
        c.RevokedAt is { } revoked ? ApiTime.Format(revoked) : null, c.RevokedBy, c.LastUsedAt is { } used ? ApiTime.Format(used) : null);
}
