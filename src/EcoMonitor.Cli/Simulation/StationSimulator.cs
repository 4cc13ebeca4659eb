using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Simulation;

/// <summary>
/// Replays real hourly data over HJ 212 as N virtual data loggers, concurrently, paced by a speed-up factor, and
/// reports how many frames and values were acknowledged. Station passwords come from the registry the platform
/// uses, so the platform authenticates the virtual loggers like real ones.
/// </summary>
internal sealed class StationSimulator(SimulationOptions options, TimeProvider time)
{
    /// <summary>Counts of the running simulation, readable while it runs.</summary>
    public SimulationProgress Progress { get; } = new();

    /// <summary>Runs every station's records to the end (or until cancelled).</summary>
    public async Task<SimulationResult> RunAsync(
        IReadOnlyDictionary<StationId, List<HourRecord>> recordsByStation,
        IReadOnlyDictionary<StationId, string> passwords,
        CancellationToken cancellationToken)
    {
        List<(List<HourRecord> Records, string Password)> stations = [];
        foreach (KeyValuePair<StationId, List<HourRecord>> entry in recordsByStation)
        {
            if (passwords.TryGetValue(entry.Key, out string? password) && entry.Value.Count > 0)
            {
                stations.Add((entry.Value, password));
            }
        }

        Progress.FramesTotal = stations.Sum(s => (long)s.Records.Count);
        Instant dataStart = stations.Count == 0 ? default : stations.Min(s => s.Records[0].PeriodStart);
        long startedAt = time.GetTimestamp();
        TimeSpan DelayUntilDue(Instant periodStart)
        {
            if (options.SpeedUp <= 0)
            {
                return TimeSpan.Zero;
            }

            TimeSpan due = (periodStart - dataStart).ToTimeSpan() / options.SpeedUp;
            TimeSpan remaining = due - time.GetElapsedTime(startedAt);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }

        Task<bool>[] runs = stations
            .Select(s => Task.Run(() => new SimulatedStation(s.Records, s.Password, options, Progress).RunAsync(DelayUntilDue, cancellationToken), cancellationToken))
            .ToArray();
        bool[] outcomes = await Task.WhenAll(runs);
        TimeSpan elapsed = time.GetElapsedTime(startedAt);
        return new SimulationResult(
            stations.Count,
            Progress.FramesTotal,
            Progress.FramesAcked,
            Progress.FramesResent,
            Progress.FramesRejected,
            Progress.ObservationsAcked,
            Progress.Reconnects,
            elapsed,
            outcomes.Count(ok => !ok));
    }
}
