namespace EcoMonitor.Web.Api.Console;

/// <summary>One archived frame as received.</summary>
/// <param name="Id">Archive id.</param>
/// <param name="ReceivedAt">Receive time, ISO 8601 at +08:00.</param>
/// <param name="Peer">Remote endpoint.</param>
/// <param name="CommandCode">CN, when parsed.</param>
/// <param name="RequestNumber">QN, when parsed.</param>
/// <param name="Outcome">Accepted, Duplicate or Rejected.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Text">The frame decoded as UTF-8, PW masked.</param>
public sealed record RawFrameDto(long Id, string ReceivedAt, string Peer, string? CommandCode, string? RequestNumber, string Outcome, string? Reason, string Text);
