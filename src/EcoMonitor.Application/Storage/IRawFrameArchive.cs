using NodaTime;

namespace EcoMonitor.Application.Storage;

/// <summary>The archive of every received frame. Append-only (frames arrive through <see cref="IIngestStore"/>). Thread-safe.</summary>
public interface IRawFrameArchive
{
    /// <summary>
    /// Frames of one station (by claimed MN; null for all) received within <paramref name="received"/>
    /// (start inclusive, end exclusive), newest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<RawFrame>> QueryAsync(string? stationId, Interval received, int limit, CancellationToken cancellationToken);

    /// <summary>Number of archived frames per outcome.</summary>
    Task<IReadOnlyDictionary<RawFrameOutcome, long>> CountByOutcomeAsync(CancellationToken cancellationToken);
}
