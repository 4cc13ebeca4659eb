using System.Security.Cryptography;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Scores outlets' days for falsification signs (<see cref="FalsificationDetector"/>) from what is stored: the day's minute,
/// real-time and hour values, the outlet's permit limits (<see cref="IPermitLimitStore"/>) and the frames received that day
/// (<see cref="IRawFrameArchive"/>, accepted and duplicate ones), and stores the result (<see cref="ISuspicionStore"/>).
/// Run by the quality worker for every outlet-day whose values changed, and by the recheck. Thread-safe.
/// </summary>
public sealed class SuspicionService(
    IStationStore stations,
    IObservationStore observations,
    IPermitLimitStore permits,
    IRawFrameArchive frames,
    ISuspicionStore store,
    FalsificationDetector detector,
    TimeProvider time)
{
    /// <summary>Frames read per outlet-day at most (a day of minute data is 1,440 frames).</summary>
    public const int FrameLimit = 20_000;

    private static readonly ObservationInterval[] Intervals = [ObservationInterval.Minute, ObservationInterval.RealTime, ObservationInterval.Hour];

    /// <summary>Scores and stores each outlet-day; days of stations that are not scored (not outlets, unknown) are skipped. Returns the stored days.</summary>
    public async Task<IReadOnlyList<OutletSuspicion>> ScoreAndSaveAsync(IEnumerable<(StationId Station, LocalDate Day)> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var scored = new List<OutletSuspicion>();
        IReadOnlyList<PermitLimit>? allLimits = null;
        foreach ((StationId id, LocalDate day) in days.Distinct())
        {
            Station? station = await stations.GetAsync(id, cancellationToken);
            if (station is null || !detector.Scores(station.Type))
            {
                continue;
            }

            allLimits ??= await permits.ListPermitLimitsAsync(cancellationToken);
            scored.Add(await ScoreAsync(station, day, allLimits, cancellationToken));
        }

        if (scored.Count > 0)
        {
            await store.SaveSuspicionsAsync(scored, cancellationToken);
        }

        return scored;
    }

    private async Task<OutletSuspicion> ScoreAsync(Station station, LocalDate day, IReadOnlyList<PermitLimit> allLimits, CancellationToken cancellationToken)
    {
        var start = ChinaTime.ToInstant(day.AtMidnight());
        var end = ChinaTime.ToInstant(day.PlusDays(1).AtMidnight());
        var values = new List<Observation>();
        foreach (ObservationInterval interval in Intervals)
        {
            values.AddRange(await observations.QueryAsync(new ObservationQuery { Station = station.Id, Interval = interval, From = start, To = end }, cancellationToken));
        }

        IReadOnlyList<RawFrame> received = await frames.QueryAsync(station.Id.Value, new Interval(start, end), FrameLimit, cancellationToken);
        FrameDelivery[] deliveries =
        [
            .. received.Where(f => f.Outcome is RawFrameOutcome.Accepted or RawFrameOutcome.Duplicate)
                .Select(f => new FrameDelivery(f.ReceivedAt, f.RequestNumber, Convert.ToHexStringLower(SHA256.HashData(f.Bytes.Span))[..32])),
        ];
        EmissionLimit[] limits =
        [
            .. allLimits.Where(l => l.Station == station.Id)
                .Select(l => new EmissionLimit(l.Parameter, l.Limit, l.PermitNumber.Length == 0 ? "permit limit" : $"permit {l.PermitNumber}")),
        ];
        return detector.Detect(station.Id, station.Type, day, values, limits, deliveries, Instant.FromDateTimeOffset(time.GetUtcNow()));
    }
}
