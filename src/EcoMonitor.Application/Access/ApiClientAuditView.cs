namespace EcoMonitor.Application.Access;

/// <summary>What the audit trail records of an API client before and after a change: never the secret or its hash.</summary>
public sealed record ApiClientAuditView(
    string Id,
    string Name,
    string Owner,
    IReadOnlyList<string> Permissions,
    string Jurisdiction,
    int RequestsPerSecond,
    int Burst,
    string ExpiresAt,
    string? RevokedAt)
{
    /// <summary>The view of <paramref name="client"/>.</summary>
    public static ApiClientAuditView Of(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.Id, client.Name, client.Owner, [.. client.Permissions.Enumerate().Select(p => p.Name())], client.Jurisdiction.Value,
            client.RequestsPerSecond, client.Burst, client.ExpiresAt.ToString(), client.RevokedAt?.ToString());
    }
}
