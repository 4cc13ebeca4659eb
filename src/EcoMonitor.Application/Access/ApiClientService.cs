using EcoMonitor.Application.Audit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// API clients of other departments and systems (ADR 0036 §8, issue 14): the security administrator issues a key (shown
/// once), lists and revokes them; every request with a key is checked here. Issuing and revoking enter the audit trail
/// with the actor (never the secret or its hash). Thread-safe.
/// </summary>
public sealed class ApiClientService(IApiClientStore store, IAuditTrail audit, IOptions<ApiClientOptions> options, TimeProvider time)
{
    /// <summary>The longest name of a client.</summary>
    public const int MaxName = 64;

    /// <summary>The longest owner of a client.</summary>
    public const int MaxOwner = 128;

    private static readonly Duration UseResolution = Duration.FromMinutes(1);

    /// <summary>The permissions a client may be given: those of <see cref="Role.DepartmentClient"/>.</summary>
    public static PermissionSet Grantable => RolePermissions.Of(Role.DepartmentClient);

    /// <summary>Issues a key as <paramref name="request"/> asks; returns the client and its key, which is shown this once and never again.</summary>
    public async Task<(ApiClient Client, string Key)> IssueAsync(string actor, ApiClientRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(request);
        Instant now = Now();
        ApiClientOptions settings = options.Value;
        List<string> problems = [.. Problems(request, now, settings)];
        if (problems.Count > 0)
        {
            throw new ApiClientRuleException(problems);
        }

        string secret = ApiClientKeys.NewSecret();
        var client = new ApiClient
        {
            Id = ApiClientKeys.NewId(),
            Name = request.Name.Trim(),
            Owner = request.Owner.Trim(),
            Permissions = PermissionSet.Of([.. request.Permissions]),
            Jurisdiction = request.Jurisdiction,
            SecretHash = ApiClientKeys.Hash(secret),
            RequestsPerSecond = request.RequestsPerSecond ?? settings.DefaultRequestsPerSecond,
            Burst = request.Burst ?? settings.DefaultBurst,
            CreatedAt = now,
            CreatedBy = actor,
            ExpiresAt = request.ExpiresAt,
        };
        await store.CreateAsync(client, cancellationToken);
        await RecordAsync(actor, "client.issued", null, client, cancellationToken);
        return (client, ApiClientKeys.Format(client.Id, secret));
    }

    /// <summary>Every client, by name.</summary>
    public Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>Revokes the key of client <paramref name="id"/> at once on every node; null when there is none. A revoked key stays revoked (no second entry).</summary>
    public async Task<ApiClient?> RevokeAsync(string actor, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(id);
        ApiClient? before = await store.FindAsync(id, cancellationToken);
        if (before is null || before.RevokedAt is not null)
        {
            return before;
        }

        // To the millisecond, what every engine keeps: the stored instant then tells whether this call revoked it.
        var at = Instant.FromUnixTimeMilliseconds(Now().ToUnixTimeMilliseconds());
        ApiClient? after = await store.RevokeAsync(id, actor, at, cancellationToken);
        // Another node may have revoked it a moment before: then that node recorded it.
        if (after is not null && after.RevokedAt == at && after.RevokedBy == actor)
        {
            await RecordAsync(actor, "client.revoked", before, after, cancellationToken);
        }

        return after;
    }

    /// <summary>
    /// The active client whose key is <paramref name="key"/>, or null for a key of another shape, an unknown id, a wrong
    /// secret (compared in constant time), a revoked or an expired client — one answer for all, so that a caller learns
    /// nothing of which. Records the use at most once a minute.
    /// </summary>
    public async Task<ApiClient?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!ApiClientKeys.TryParse(key, out string id, out string secret))
        {
            return null;
        }

        ApiClient? client = await store.FindAsync(id, cancellationToken);
        // An unknown id still costs a hash, so that timing does not tell which ids exist.
        bool matches = ApiClientKeys.Matches(secret, client?.SecretHash ?? new string('0', 64));
        Instant now = Now();
        if (client is null || !matches || !client.IsActiveAt(now))
        {
            return null;
        }

        if (client.LastUsedAt is not { } used || now - used >= UseResolution)
        {
            await store.MarkUsedAsync(client.Id, now, cancellationToken);
            client = client with { LastUsedAt = now };
        }

        return client;
    }

    private static IEnumerable<string> Problems(ApiClientRequest request, Instant now, ApiClientOptions settings)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxName)
        {
            yield return $"a name of 1–{MaxName} characters is required";
        }

        if (string.IsNullOrWhiteSpace(request.Owner) || request.Owner.Trim().Length > MaxOwner)
        {
            yield return $"an owner (department or system) of 1–{MaxOwner} characters is required";
        }

        if (request.Permissions is null || request.Permissions.Count == 0)
        {
            yield return "at least one permission is required";
        }
        else if (request.Permissions.Where(p => !Enum.IsDefined(p) || !Grantable.Contains(p)).ToList() is { Count: > 0 } refused)
        {
            yield return $"a client may hold only {Grantable}; not {string.Join(", ", refused.Select(p => Enum.IsDefined(p) ? p.Name() : p.ToString()))}";
        }

        if (request.ExpiresAt <= now)
        {
            yield return "the expiry must be in the future";
        }
        else if (request.ExpiresAt > now + Duration.FromTimeSpan(settings.MaxLifetime))
        {
            yield return $"a key is valid for at most {settings.MaxLifetime.TotalDays:0} days";
        }

        if (request.RequestsPerSecond is < 1 or > ApiClientOptions.MaxRequestsPerSecond)
        {
            yield return $"requests per second must be 1–{ApiClientOptions.MaxRequestsPerSecond}";
        }

        if (request.Burst is < 1 or > ApiClientOptions.MaxBurst)
        {
            yield return $"the burst must be 1–{ApiClientOptions.MaxBurst}";
        }
    }

    private Task<AuditEntry> RecordAsync(string actor, string action, ApiClient? before, ApiClient after, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(actor, action, "client", after.Id)
        {
            Before = before is null ? null : AuditJson.Serialize(ApiClientAuditView.Of(before)),
            After = AuditJson.Serialize(ApiClientAuditView.Of(after)),
        }, cancellationToken);

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
