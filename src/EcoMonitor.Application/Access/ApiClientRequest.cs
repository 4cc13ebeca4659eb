using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>What the security administrator asks for when issuing a key (<see cref="ApiClientService.IssueAsync"/>).</summary>
public sealed record ApiClientRequest
{
    /// <summary>What the client is, unique (1–64 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The department or system that holds the key (1–128 characters).</summary>
    public required string Owner { get; init; }

    /// <summary>What the key may do: at least one, each held by <see cref="Role.DepartmentClient"/>.</summary>
    public required IReadOnlyList<Permission> Permissions { get; init; }

    /// <summary>The region whose stations the key sees.</summary>
    public required RegionCode Jurisdiction { get; init; }

    /// <summary>When the key stops working: after now, at most <see cref="ApiClientOptions.MaxLifetime"/> ahead.</summary>
    public required Instant ExpiresAt { get; init; }

    /// <summary>Requests per second; null: <see cref="ApiClientOptions.DefaultRequestsPerSecond"/>.</summary>
    public int? RequestsPerSecond { get; init; }

    /// <summary>Burst; null: <see cref="ApiClientOptions.DefaultBurst"/>.</summary>
    public int? Burst { get; init; }
}
