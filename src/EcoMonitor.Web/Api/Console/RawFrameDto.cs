namespace EcoMonitor.Web.Api.Console;

/// <summary>One archived frame as received.</summary>
/// <param name="Id">Archive id.</param>
/// <param name="ReceivedAt">Receive time, ISO 8601 at +08:00.</param>
/// <param name="Peer">Remote endpoint.</param>
/// <param name="CommandCode">CN, when parsed.</param>
/// <param name="RequestNumber">QN, when parsed.</param>
/// <param name="Outcome">Accepted, Duplicate or Rejected.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Text">The frame as text, PW masked: decoded in the station's registered encoding (UTF-8 or GBK), or in
/// the other one when the bytes are valid only in that (see <paramref name="TextEncoding"/>).</param>
/// <param name="TextEncoding">The encoding the text was decoded in: <c>utf-8</c> or <c>gbk</c>.</param>
/// <param name="TextValid">False when some bytes were valid in neither encoding (shown as U+FFFD).</param>
public sealed record RawFrameDto(long Id, string ReceivedAt, string Peer, string? CommandCode, string? RequestNumber, string Outcome, string? Reason, string Text, string TextEncoding, bool TextValid);
