namespace EcoMonitor.Application.Quality;

/// <summary>The network's completeness over a window: the sums of its stations' counts and the rates of those sums.</summary>
/// <param name="Stations">Stations included.</param>
/// <param name="ExpectedValues">Sum of the stations' expected values.</param>
/// <param name="ReceivedValues">Sum of received values.</param>
/// <param name="ValidValues">Sum of valid values.</param>
/// <param name="OnTimeValues">Sum of on-time values.</param>
/// <param name="StationsOffline">Stations with at least one offline period.</param>
/// <param name="StationsSilent">Stations without any value in the window.</param>
public sealed record NetworkCompleteness(int Stations, long ExpectedValues, long ReceivedValues, long ValidValues, long OnTimeValues, int StationsOffline, int StationsSilent)
{
    /// <summary>有效数据获取率 of the network: valid / expected (0…1); null when nothing is expected.</summary>
    public decimal? ValidRate => CompletenessCalculator.Rate(ValidValues, ExpectedValues);

    /// <summary>On-time values / received values (0…1); null when nothing was received.</summary>
    public decimal? OnTimeRate => CompletenessCalculator.Rate(OnTimeValues, ReceivedValues);

    /// <summary>Sums <paramref name="stations"/>.</summary>
    public static NetworkCompleteness Of(IReadOnlyList<StationCompleteness> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        return new NetworkCompleteness(
            stations.Count,
            stations.Sum(s => (long)s.ExpectedValues),
            stations.Sum(s => (long)s.ReceivedValues),
            stations.Sum(s => (long)s.ValidValues),
            stations.Sum(s => (long)s.OnTimeValues),
            stations.Count(s => s.Offline.Count > 0),
            stations.Count(s => s.ReceivedValues == 0));
    }
}
