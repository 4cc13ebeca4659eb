using NodaTime;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// A decoded HJ 212 frame as spans into the input bytes (zero allocations); valid only while the input is. Fields
/// follow HJ 212-2017 §6.3.2, table 3 (QN, ST, CN, PW, MN, Flag, PNUM, PNO, CP); a text field absent from the frame
/// is an empty span. Obtained from <see cref="Hj212Parser.Parse(ReadOnlySpan{byte})"/>, also when parsing failed:
/// then it holds what was read before the error (all fields on <see cref="Hj212Error.CrcMismatch"/>).
/// </summary>
public ref struct Hj212Frame
{
    private int _flagPlusOne;

    /// <summary>The protocol version from the Flag version bits; <see cref="Hj212Version.Hj2005"/> without Flag.</summary>
    public Hj212Version Version { get; internal set; }

    /// <summary>QN, the request number (<c>YYYYMMDDhhmmsszzz</c> by the standard; 13-digit Unix milliseconds are seen in the field).</summary>
    public ReadOnlySpan<byte> Qn { get; internal set; }

    /// <summary>ST, the system code (e.g. 22 air quality, 31 air pollution source, 32 surface water pollution source, 91 system interaction).</summary>
    public ReadOnlySpan<byte> St { get; internal set; }

    /// <summary>CN as transmitted.</summary>
    public ReadOnlySpan<byte> Cn { get; internal set; }

    /// <summary>PW, the access password.</summary>
    public ReadOnlySpan<byte> Pw { get; internal set; }

    /// <summary>MN, the equipment (data logger) identifier.</summary>
    public ReadOnlySpan<byte> Mn { get; internal set; }

    /// <summary>CN parsed as a number (see <see cref="Hj212CommandCodes"/>); 0 when absent or not yet read.</summary>
    public int CommandCode { get; internal set; }

    /// <summary>Flag (0..255), or -1 when the frame has no Flag field.</summary>
    public int Flag
    {
        readonly get => _flagPlusOne - 1;
        internal set => _flagPlusOne = value + 1;
    }

    /// <summary>Flag bit A (bit 0): the sender wants a response.</summary>
    public readonly bool IsAckRequested => Flag >= 0 && (Flag & 1) != 0;

    /// <summary>Flag bit D (bit 1): the message is split into packets (PNUM/PNO present).</summary>
    public readonly bool HasSubPackets => Flag >= 0 && (Flag & 2) != 0;

    /// <summary>PNUM, total number of packets; 0 when absent.</summary>
    public int PacketCount { get; internal set; }

    /// <summary>PNO, number of this packet (1-based); 0 when absent.</summary>
    public int PacketNumber { get; internal set; }

    /// <summary>True when the CRC was checked and matches the data segment.</summary>
    public bool HasValidCrc { get; internal set; }

    /// <summary>The CRC as transmitted (parsed from hex); 0 when not read.</summary>
    public ushort Crc { get; internal set; }

    /// <summary>The data segment (between the 4-digit length and the CRC).</summary>
    public ReadOnlySpan<byte> DataSegment { get; internal set; }

    /// <summary>The CP content between <c>CP=&amp;&amp;</c> and the closing <c>&amp;&amp;</c>; empty when absent or not validated.</summary>
    public ReadOnlySpan<byte> Cp { get; internal set; }

    /// <summary>The header part of the data segment (everything before <c>CP=&amp;&amp;</c>, with its <c>;</c> separators).</summary>
    internal ReadOnlySpan<byte> Header { get; set; }

    /// <summary>Enumerates the CP fields in order without allocating: <c>foreach (Hj212CpField f in frame.EnumerateCp())</c>.</summary>
    public readonly Hj212CpEnumerator EnumerateCp() => new(Cp);

    /// <summary>
    /// The first plain CP field <c>DataTime</c> as a local time (HJ 212 times are local; China Standard Time by
    /// convention, attached by the caller). Accepts <c>yyyyMMddHHmmss</c> and <c>yyyyMMddHHmmssfff</c>.
    /// </summary>
    public readonly bool TryGetDataTime(out LocalDateTime dataTime)
    {
        foreach (Hj212CpField field in EnumerateCp())
        {
            if (field.Code.IsEmpty && field.Key.SequenceEqual("DataTime"u8))
            {
                return Hj212Time.TryParse(field.Value, out dataTime);
            }
        }

        dataTime = default;
        return false;
    }
}
