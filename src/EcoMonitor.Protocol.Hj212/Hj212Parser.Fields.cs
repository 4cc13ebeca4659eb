namespace EcoMonitor.Protocol.Hj212;

public static partial class Hj212Parser
{
    private static ReadOnlySpan<byte> CpOpen => "CP=&&"u8;

    /// <summary>Parses the data segment's fields into <paramref name="frame"/>; returns the first error and its offset in the data segment.</summary>
    private static (Hj212Error Error, int Position) ParseDataSegment(ReadOnlySpan<byte> data, ref Hj212Frame frame)
    {
        int cpStart = data.IndexOf(CpOpen);
        int headerEnd = cpStart < 0 ? data.Length : cpStart;
        (Hj212Error error, int position) = ParseHeader(data[..headerEnd], ref frame);
        if (error != Hj212Error.None)
        {
            return (error, position);
        }

        frame.IsHeaderComplete = true;
        if (cpStart < 0)
        {
            return (Hj212Error.MissingField, data.Length);
        }

        frame.Header = data[..cpStart];
        int cpContent = cpStart + CpOpen.Length;
        if (data.Length < cpContent + 2 || data[^2] != (byte)'&' || data[^1] != (byte)'&')
        {
            return (Hj212Error.UnclosedCp, data.Length);
        }

        ReadOnlySpan<byte> cp = data[cpContent..^2];
        if (!Hj212CpSyntax.IsWellFormed(cp))
        {
            return (Hj212Error.BadField, cpContent + Hj212CpSyntax.FindBadField(cp));
        }

        frame.Cp = cp;
        if (frame.Cn.IsEmpty)
        {
            return (Hj212Error.MissingField, cpStart);
        }

        return frame.Mn.IsEmpty ? (Hj212Error.MissingField, cpStart) : (Hj212Error.None, 0);
    }

    private static (Hj212Error Error, int Position) ParseHeader(ReadOnlySpan<byte> header, ref Hj212Frame frame)
    {
        int offset = 0;
        while (offset < header.Length)
        {
            ReadOnlySpan<byte> rest = header[offset..];
            int end = rest.IndexOf((byte)';');
            if (end < 0)
            {
                return (Hj212Error.BadField, offset);
            }

            ReadOnlySpan<byte> field = rest[..end];
            int eq = field.IndexOf((byte)'=');
            if (eq <= 0)
            {
                return (Hj212Error.BadField, offset);
            }

            Hj212Error error = SetHeaderField(field[..eq], field[(eq + 1)..], ref frame);
            if (error != Hj212Error.None)
            {
                return (error, error == Hj212Error.BadCommand || error == Hj212Error.UnsupportedVersion ? offset + eq + 1 : offset);
            }

            offset += end + 1;
        }

        return (Hj212Error.None, 0);
    }
}
