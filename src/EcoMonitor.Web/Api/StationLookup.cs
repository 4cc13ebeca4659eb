using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;

namespace EcoMonitor.Web.Api;

/// <summary>The <c>{mn}</c> route value of station endpoints: the registered station, or the 404 that says why not.</summary>
internal static class StationLookup
{
    /// <summary>The station with this MN, or null when the MN is malformed or not registered.</summary>
    public static async Task<Station?> FindAsync(string mn, IStationStore stations, CancellationToken cancellationToken) =>
        StationId.TryParse(mn, out StationId id) ? await stations.GetAsync(id, cancellationToken) : null;

    /// <summary>The problem answered for an unknown MN.</summary>
    public static UnknownStationProblem NotFound(string mn) =>
        new UnknownStationProblem($"No station with MN '{mn}' is registered.");
}
