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

    /// <summary>
    /// Masks the passwords (<see cref="FramePassword"/>) of the next at most <paramref name="limit"/> frames stored
    /// before the gateway masked them (every frame archived before the schema version that added this), oldest first,
    /// remembering in the store how far it has got; returns how many frames it looked at, 0 when none are left.
    /// Masking a masked frame changes nothing, so nodes may run it at the same time.
    /// </summary>
    Task<int> MaskStoredPasswordsAsync(int limit, CancellationToken cancellationToken);
}
