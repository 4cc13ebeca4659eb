using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// One received frame to store: the frame itself (always archived), the observations decoded from it and, for a data
/// packet, its identity so that a resend is recognised. Only an <see cref="RawFrameOutcome.Accepted"/> frame has its
/// observations appended and its packet recorded; other frames are archived as they are.
/// </summary>
/// <param name="Frame">The frame as received, with what decoding made of it.</param>
/// <param name="Observations">Observations decoded from an accepted frame; empty otherwise.</param>
/// <param name="Packet">MN + QN + PNO of an accepted data packet, or null when the frame carries no data.</param>
public sealed record IngestItem(RawFrame Frame, IReadOnlyList<Observation> Observations, PacketId? Packet);
