using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Another department's or system's access to the API (ADR 0036 §8): a key <c>ecm_&lt;id&gt;_&lt;secret&gt;</c> of which the
/// store keeps only the SHA-256 of the secret, with permissions (a subset of <see cref="Role.DepartmentClient"/>'s), a
/// jurisdiction, an expiry and its own rate limit. Never deleted — revoked — so that the audit trail's
/// <see cref="ActorName"/>s keep meaning someone. Stored by <see cref="IApiClientStore"/>; issued and revoked only
/// through <see cref="ApiClientService"/>, which audits both.
/// </summary>
public sealed record ApiClient
{
    /// <summary>The prefix of <see cref="ActorName"/>: no account name holds a colon (<see cref="AccountNames"/>).</summary>
    public const string ActorPrefix = "client:";

    /// <summary>The public id in the key (<see cref="ApiClientKeys.IdLength"/> characters of <c>a-z0-9</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What the client is, unique (e.g. 省水利厅水文数据交换).</summary>
    public required string Name { get; init; }

    /// <summary>The department or system that holds the key and answers for it (e.g. 省水利厅信息中心).</summary>
    public required string Owner { get; init; }

    /// <summary>What the key may do: a subset of <see cref="RolePermissions.Of(Role)"/> of <see cref="Role.DepartmentClient"/>.</summary>
    public required PermissionSet Permissions { get; init; }

    /// <summary>The region whose stations the key sees (a province covers its cities and counties).</summary>
    public required RegionCode Jurisdiction { get; init; }

    /// <summary>The SHA-256 of the secret, lower-case hex (<see cref="ApiClientKeys.Hash"/>); never shown, never audited.</summary>
    public required string SecretHash { get; init; }

    /// <summary>Requests per second the key's bucket refills with.</summary>
    public required int RequestsPerSecond { get; init; }

    /// <summary>The bucket's size: requests the key may make at once after a quiet spell.</summary>
    public required int Burst { get; init; }

    /// <summary>When the key was issued.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Who issued it (an account name).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The key is refused from this instant on.</summary>
    public required Instant ExpiresAt { get; init; }

    /// <summary>When the key was revoked; null while it is not.</summary>
    public Instant? RevokedAt { get; init; }

    /// <summary>Who revoked it.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>The last request with the key, to the minute (updated at most once a minute).</summary>
    public Instant? LastUsedAt { get; init; }

    /// <summary>The name the key's requests act under in the audit trail and security events: <c>client:&lt;id&gt;</c>.</summary>
    public string ActorName => ActorPrefix + Id;

    /// <summary>True when the key is neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(Instant now) => RevokedAt is null && now < ExpiresAt;
}
