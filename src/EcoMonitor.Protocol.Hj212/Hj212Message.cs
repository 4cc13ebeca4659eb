using System.Collections.ObjectModel;
using System.Text;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// An allocating, editable HJ 212 message (the data segment of a frame): header fields and CP groups in transmitted
/// order with their exact text, so that <see cref="Hj212Formatter"/> reproduces a decoded frame byte for byte. Used by
/// the simulator and <c>ecomon hj212 encode</c>; the gateway's hot path uses <see cref="Hj212Frame"/> instead.
/// Not thread-safe.
/// </summary>
public sealed class Hj212Message
{
    /// <summary>Header fields before CP (QN, ST, CN, PW, MN, Flag, PNUM, PNO — HJ 212-2017 §6.3.2, table 3) in order.</summary>
    public Collection<Hj212TextField> Header { get; } = [];

    /// <summary>CP groups in order (HJ 212-2017 §6.3.3); an empty list is <c>CP=&amp;&amp;&amp;&amp;</c>.</summary>
    public Collection<Hj212CpGroup> Cp { get; } = [];

    /// <summary>QN, or null when absent.</summary>
    public string? Qn => GetHeader("QN");

    /// <summary>ST, or null when absent.</summary>
    public string? St => GetHeader("ST");

    /// <summary>CN, or null when absent.</summary>
    public string? Cn => GetHeader("CN");

    /// <summary>PW, or null when absent.</summary>
    public string? Pw => GetHeader("PW");

    /// <summary>MN, or null when absent.</summary>
    public string? Mn => GetHeader("MN");

    /// <summary>Flag as transmitted, or null when absent.</summary>
    public string? Flag => GetHeader("Flag");

    /// <summary>The value of header field <paramref name="key"/> (ordinal), or null.</summary>
    public string? GetHeader(string key)
    {
        foreach (Hj212TextField field in Header)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>Replaces header field <paramref name="key"/> in place, or appends it.</summary>
    public void SetHeader(string key, string value)
    {
        for (int i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Key, key, StringComparison.Ordinal))
            {
                Header[i] = new Hj212TextField(key, value);
                return;
            }
        }

        Header.Add(new Hj212TextField(key, value));
    }

    /// <summary>
    /// Copies a decoded frame (header order, CP groups and exact text) into a message, decoding text with
    /// <paramref name="textEncoding"/> (the station's: UTF-8 or GBK via <c>CodePagesEncodingProvider</c>).
    /// </summary>
    public static Hj212Message FromFrame(in Hj212Frame frame, Encoding textEncoding)
    {
        ArgumentNullException.ThrowIfNull(textEncoding);
        Hj212Message message = new();
        ReadOnlySpan<byte> header = frame.Header;
        while (!header.IsEmpty)
        {
            int end = header.IndexOf((byte)';');
            ReadOnlySpan<byte> field = end < 0 ? header : header[..end];
            header = end < 0 ? default : header[(end + 1)..];
            int eq = field.IndexOf((byte)'=');
            if (eq > 0)
            {
                message.Header.Add(new Hj212TextField(textEncoding.GetString(field[..eq]), textEncoding.GetString(field[(eq + 1)..])));
            }
        }

        Hj212CpGroup? group = null;
        int groupIndex = -1;
        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            if (field.GroupIndex != groupIndex || group is null)
            {
                group = new Hj212CpGroup();
                message.Cp.Add(group);
                groupIndex = field.GroupIndex;
            }

            group.Fields.Add(new Hj212TextField(textEncoding.GetString(field.Key), textEncoding.GetString(field.Value)));
        }

        return message;
    }
}
