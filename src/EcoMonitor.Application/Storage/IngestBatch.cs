using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>Raw frames and the observations decoded from them, committed together in one transaction.</summary>
public sealed class IngestBatch
{
    /// <summary>Frames to archive (accepted, duplicate and rejected).</summary>
    public List<RawFrame> Frames { get; } = [];

    /// <summary>Observations to append.</summary>
    public List<Observation> Observations { get; } = [];

    /// <summary>Packet identities (MN + QN + PNO) of accepted data packets, recorded so that resends are recognised.</summary>
    public List<PacketId> Packets { get; } = [];

    /// <summary>
    /// Filled by <see cref="IIngestStore.CommitAsync"/>: the outcome of each of <see cref="Observations"/>, in the same
    /// order, so that a caller batching several packets can tell each one what its append did.
    /// </summary>
    public List<AppendOutcome> Outcomes { get; } = [];

    /// <summary>
    /// Filled by <see cref="IIngestStore.CommitAsync"/>: each station-day the batch inserted or revised values of, with the
    /// version its pending row got in the batch's transaction (<see cref="IPendingWorkStore"/>), for the commit listeners.
    /// </summary>
    public List<DayChange> Changes { get; } = [];

    /// <summary>Empties the batch for reuse.</summary>
    public void Clear()
    {
        Frames.Clear();
        Observations.Clear();
        Packets.Clear();
        Outcomes.Clear();
        Changes.Clear();
    }
}
