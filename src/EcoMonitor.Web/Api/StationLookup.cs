using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The stations an endpoint may answer about: the <c>{mn}</c> route value's registered station, or the registry's list,
/// each limited by the caller's <see cref="AccessScope"/> (ADR 0036 §4). Published data pass
/// <see cref="AccessScope.Everything"/>; staff endpoints pass the caller's scope, and a station outside it is answered
/// as an unknown one (no existence leak).
/// </summary>
internal static class StationLookup
{
    /// <summary>The station with this MN when it is registered and in <paramref name="scope"/>; else null.</summary>
    public static async Task<Station?> FindAsync(string mn, AccessScope scope, IStationStore stations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return StationId.TryParse(mn, out StationId id) && await stations.GetAsync(id, cancellationToken) is { } station && scope.Covers(station)
            ? station
            : null;
    }

    /// <summary>The registered stations in <paramref name="scope"/>, in the registry's order.</summary>
    public static async Task<IReadOnlyList<Station>> ListAsync(AccessScope scope, IStationStore stations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Filter(await stations.ListAsync(cancellationToken));
    }

    /// <summary>The problem answered for an unknown MN (or one outside the caller's scope).</summary>
    public static UnknownStationProblem NotFound(string mn) => new(Unknown(mn));

    /// <summary>Why <paramref name="mn"/> is refused: the same words for an unknown MN and one outside the caller's scope.</summary>
    public static string Unknown(string mn) => $"No station with MN '{mn}' is registered, or it lies outside your jurisdiction.";
}
