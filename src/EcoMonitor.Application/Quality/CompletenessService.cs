using EcoMonitor.Domain;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Completeness and timeliness of stations over a window of whole hours: per station one observation query, one review
/// query and the automatic checks (<see cref="StationValidity"/>, so "valid" means exactly what the evaluation uses),
/// then <see cref="CompletenessCalculator"/>. Thread-safe.
/// </summary>
public sealed class CompletenessService(StationValidity validity, IOptions<QualityOptions> options)
{
    /// <summary>One station's completeness in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<StationCompleteness> ComputeAsync(Station station, Instant from, Instant to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ValidityResult result = await validity.CheckAsync(station.Id, ObservationInterval.Hour, from, to, [], isForEvaluation: true, cancellationToken);
        QualityOptions settings = options.Value;
        return CompletenessCalculator.Compute(station, from, to, result.Window, result.Valid, Duration.FromMinutes(settings.OnTimeDelayMinutes), settings.OfflineMinPeriods);
    }

    /// <summary>Each station's completeness, in the order given (one station after the other).</summary>
    public async Task<IReadOnlyList<StationCompleteness>> ComputeAsync(IReadOnlyList<Station> stations, Instant from, Instant to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var rows = new List<StationCompleteness>(stations.Count);
        foreach (Station station in stations)
        {
            rows.Add(await ComputeAsync(station, from, to, cancellationToken));
        }

        return rows;
    }
}
