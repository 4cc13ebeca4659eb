namespace EcoMonitor.Application.Storage;

/// <summary>The identity of one HJ 212 data packet: MN + QN + PNO (PNO is 1 when the message is not split).</summary>
public readonly record struct PacketId(string StationId, string RequestNumber, int PacketNumber);
