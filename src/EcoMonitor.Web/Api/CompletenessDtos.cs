using EcoMonitor.Application.Quality;

namespace EcoMonitor.Web.Api;

/// <summary>A gap of consecutive periods without any value.</summary>
/// <param name="Start">Start of the first missing period (+08:00).</param>
/// <param name="End">End of the last missing period, exclusive (+08:00).</param>
/// <param name="Periods">Missing periods in a row.</param>
public sealed record OfflinePeriodDto(string Start, string End, int Periods);

/// <summary>One station's completeness and timeliness over the window (docs/quality.md).</summary>
/// <param name="Station">The MN.</param>
/// <param name="Name">The station's name.</param>
/// <param name="Type">The station type.</param>
/// <param name="Region">The region code.</param>
/// <param name="ExpectedParameters">Parameters expected every period.</param>
/// <param name="ExpectedPeriods">Hourly periods in the window.</param>
/// <param name="ReceivedPeriods">Periods with at least one expected value.</param>
/// <param name="ExpectedValues">Expected periods × expected parameters.</param>
/// <param name="ReceivedValues">Values stored.</param>
/// <param name="ValidValues">Values that count (not excluded by a check or a reviewer).</param>
/// <param name="ValidRate">有效数据获取率: valid / expected (0…1), null when nothing is expected.</param>
/// <param name="OnTimeValues">Values received within the on-time delay after their period's end.</param>
/// <param name="OnTimeRate">On-time / received (0…1), null when nothing was received.</param>
/// <param name="Offline">Offline periods (gaps of at least Quality:OfflineMinPeriods periods).</param>
/// <param name="LastPeriodStart">The latest period with a value in the window (+08:00), null when none.</param>
/// <param name="LastReceivedAt">When the latest value of the window was received (+08:00), null when none.</param>
public sealed record StationCompletenessDto(
    string Station, string Name, string Type, string Region, string[] ExpectedParameters, int ExpectedPeriods, int ReceivedPeriods,
    int ExpectedValues, int ReceivedValues, int ValidValues, decimal? ValidRate, int OnTimeValues, decimal? OnTimeRate,
    OfflinePeriodDto[] Offline, string? LastPeriodStart, string? LastReceivedAt)
{
    /// <summary>Maps a computed row.</summary>
    public static StationCompletenessDto From(StationCompleteness c) => new(
        c.Station.Id.Value, c.Station.Name, c.Station.Type.ToString(), c.Station.Region.Value, [.. c.ExpectedParameters.Select(p => p.Value)],
        c.ExpectedPeriods, c.ReceivedPeriods, c.ExpectedValues, c.ReceivedValues, c.ValidValues, c.ValidRate, c.OnTimeValues, c.OnTimeRate,
        [.. c.Offline.Select(o => new OfflinePeriodDto(ApiTime.Format(o.Start), ApiTime.Format(o.End), o.Periods))],
        c.LastPeriodStart is { } p ? ApiTime.Format(p) : null, c.LastReceivedAt is { } r ? ApiTime.Format(r) : null);
}

/// <summary>The network's completeness over the window and one row per station.</summary>
/// <param name="From">Window start (+08:00).</param>
/// <param name="To">Window end, exclusive (+08:00).</param>
/// <param name="OnTimeDelayMinutes">The on-time delay after a period's end (Quality:OnTimeDelayMinutes).</param>
/// <param name="Stations">Stations included.</param>
/// <param name="ExpectedValues">Sum of expected values.</param>
/// <param name="ReceivedValues">Sum of received values.</param>
/// <param name="ValidValues">Sum of valid values.</param>
/// <param name="ValidRate">有效数据获取率 of the network (0…1).</param>
/// <param name="OnTimeRate">On-time rate of the network (0…1).</param>
/// <param name="StationsOffline">Stations with at least one offline period.</param>
/// <param name="StationsSilent">Stations without any value.</param>
/// <param name="Rows">One row per station, sorted as asked.</param>
public sealed record NetworkCompletenessDto(
    string From, string To, int OnTimeDelayMinutes, int Stations, long ExpectedValues, long ReceivedValues, long ValidValues, decimal? ValidRate,
    decimal? OnTimeRate, int StationsOffline, int StationsSilent, StationCompletenessDto[] Rows);
