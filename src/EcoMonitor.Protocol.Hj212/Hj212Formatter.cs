using System.Buffers;
using System.Text;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Writes an <see cref="Hj212Message"/> as a whole frame: <c>##</c>, 4-digit data length, data segment, upper-case
/// CRC (HJ 212-2017 appendix A), CR LF (§6.3.1). Header fields are written in the message's order, then
/// <c>CP=&amp;&amp;…&amp;&amp;</c>. Pure and thread-safe.
/// </summary>
public static class Hj212Formatter
{
    /// <summary>The largest data segment the 4-digit length can announce.</summary>
    public const int MaxDataSegmentBytes = 9999;

    /// <summary>Bytes around the data segment: <c>##</c> + 4 length digits + 4 CRC digits + CR LF.</summary>
    public const int FrameOverheadBytes = 12;

    /// <summary>Formats <paramref name="message"/> into a new array.</summary>
    /// <exception cref="ArgumentException">A key or value contains a separator, a group is empty, or the data segment exceeds 9999 bytes.</exception>
    public static byte[] Format(Hj212Message message, Encoding textEncoding)
    {
        byte[] data = EncodeDataSegment(message, textEncoding);
        byte[] frame = new byte[data.Length + FrameOverheadBytes];
        WriteFrame(data, frame);
        return frame;
    }

    /// <summary>Formats <paramref name="message"/> into <paramref name="writer"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Format"/>.</exception>
    public static int Write(Hj212Message message, Encoding textEncoding, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        byte[] data = EncodeDataSegment(message, textEncoding);
        int length = data.Length + FrameOverheadBytes;
        WriteFrame(data, writer.GetSpan(length));
        writer.Advance(length);
        return length;
    }

    /// <summary>Frames a data segment already in place at <c>destination[6..]</c>: writes header, length, CRC and trailer around it.</summary>
    internal static int CompleteFrame(Span<byte> destination, int dataLength)
    {
        destination[0] = (byte)'#';
        destination[1] = (byte)'#';
        Hj212Ascii.WriteDigits(dataLength, 4, destination[2..]);
        ushort crc = Hj212Crc.Compute(destination.Slice(6, dataLength));
        Hj212Crc.WriteHex(crc, destination[(6 + dataLength)..]);
        destination[10 + dataLength] = (byte)'\r';
        destination[11 + dataLength] = (byte)'\n';
        return dataLength + FrameOverheadBytes;
    }

    private static void WriteFrame(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        data.CopyTo(destination[6..]);
        CompleteFrame(destination, data.Length);
    }

    private static byte[] EncodeDataSegment(Hj212Message message, Encoding textEncoding)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(textEncoding);
        StringBuilder text = new();
        foreach (Hj212TextField field in message.Header)
        {
            AppendField(text, field, isHeader: true);
            text.Append(';');
        }

        text.Append("CP=&&");
        for (int g = 0; g < message.Cp.Count; g++)
        {
            Hj212CpGroup group = message.Cp[g];
            if (group.Fields.Count == 0)
            {
                throw new ArgumentException($"CP group {g} has no fields.", nameof(message));
            }

            if (g > 0)
            {
                text.Append(';');
            }

            for (int f = 0; f < group.Fields.Count; f++)
            {
                if (f > 0)
                {
                    text.Append(',');
                }

                AppendField(text, group.Fields[f], isHeader: false);
            }
        }

        text.Append("&&");
        byte[] data = textEncoding.GetBytes(text.ToString());
        if (data.Length > MaxDataSegmentBytes)
        {
            throw new ArgumentException($"The data segment has {data.Length} bytes; HJ 212 allows at most {MaxDataSegmentBytes}.", nameof(message));
        }

        return data;
    }

    private static void AppendField(StringBuilder text, Hj212TextField field, bool isHeader)
    {
        string key = field.Key ?? string.Empty;
        string value = field.Value ?? string.Empty;
        if (key.Length == 0 || key.AsSpan().IndexOfAny(";,=&") >= 0 || value.AsSpan().IndexOfAny(isHeader ? ";&" : ";,&") >= 0)
        {
            throw new ArgumentException($"Field '{key}' has an empty key or a separator (; , = &) where none is allowed.", nameof(field));
        }

        text.Append(key).Append('=').Append(value);
    }
}
