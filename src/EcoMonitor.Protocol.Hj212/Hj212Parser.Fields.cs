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
        int badField = FindBadCpField(cp);
        if (badField >= 0)
        {
            return (Hj212Error.BadField, cpContent + badField);
        }

        frame.Cp = cp;
        if (frame.Cn.IsEmpty)
        {
            return (Hj212Error.MissingField, cpStart);
        }

        return frame.Mn.IsEmpty ? (Hj212Error.MissingField, cpStart) : (Hj212Error.None, 0);
    }

    /// <summary>Offset of the first malformed CP field (empty field or group, no <c>=</c>, empty key), or -1.</summary>
    internal static int FindBadCpField(ReadOnlySpan<byte> cp)
    {
        if (cp.IsEmpty)
        {
            return -1;
        }

        int start = 0;
        while (true)
        {
            int end = Hj212CpSyntax.NextField(cp, start, out int equals, out _);
            if (equals <= start)
            {
                return start;
            }

            if (end == cp.Length)
            {
                return -1;
            }

            start = end + 1;
            if (start == cp.Length)
            {
                return start;
            }
        }
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

    private static Hj212Error SetHeaderField(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ref Hj212Frame frame)
    {
        // Dispatch on length and first letter: this runs for every header field of every frame.
        switch (key.Length)
        {
            case 2 when key[0] == (byte)'Q' && key[1] == (byte)'N':
                return SetText(ref frame, HeaderText.Qn, value);
            case 2 when key[0] == (byte)'S' && key[1] == (byte)'T':
                return SetText(ref frame, HeaderText.St, value);
            case 2 when key[0] == (byte)'P' && key[1] == (byte)'W':
                return SetText(ref frame, HeaderText.Pw, value);
            case 2 when key[0] == (byte)'M' && key[1] == (byte)'N':
                return SetText(ref frame, HeaderText.Mn, value);
            case 2 when key[0] == (byte)'C' && key[1] == (byte)'N':
                return SetCommand(value, ref frame);
            case 4 when key.SequenceEqual("Flag"u8):
                return SetFlag(value, ref frame);
            case 4 when key.SequenceEqual("PNUM"u8):
                return SetPacketField(value, ref frame, isCount: true);
            case 3 when key.SequenceEqual("PNO"u8):
                return SetPacketField(value, ref frame, isCount: false);
            default:
                return Hj212Error.BadField;
        }
    }

    private enum HeaderText
    {
        Qn,
        St,
        Pw,
        Mn,
    }

    private static Hj212Error SetText(ref Hj212Frame frame, HeaderText field, ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> current = field switch
        {
            HeaderText.Qn => frame.Qn,
            HeaderText.St => frame.St,
            HeaderText.Pw => frame.Pw,
            HeaderText.Mn => frame.Mn,
            _ => default,
        };
        if (!current.IsEmpty)
        {
            return Hj212Error.DuplicateField;
        }

        if (value.IsEmpty)
        {
            return Hj212Error.BadField;
        }

        switch (field)
        {
            case HeaderText.Qn:
                frame.Qn = value;
                break;
            case HeaderText.St:
                frame.St = value;
                break;
            case HeaderText.Pw:
                frame.Pw = value;
                break;
            case HeaderText.Mn:
                frame.Mn = value;
                break;
        }

        return Hj212Error.None;
    }

    private static Hj212Error SetCommand(ReadOnlySpan<byte> value, ref Hj212Frame frame)
    {
        if (!frame.Cn.IsEmpty)
        {
            return Hj212Error.DuplicateField;
        }

        if (value.Length > 7 || !Hj212Ascii.TryParseDigits(value, out int command))
        {
            return Hj212Error.BadCommand;
        }

        frame.Cn = value;
        frame.CommandCode = command;
        return Hj212Error.None;
    }

    private static Hj212Error SetFlag(ReadOnlySpan<byte> value, ref Hj212Frame frame)
    {
        if (frame.Flag >= 0)
        {
            return Hj212Error.DuplicateField;
        }

        if (value.Length > 3 || !Hj212Ascii.TryParseDigits(value, out int flag) || flag > 255)
        {
            return Hj212Error.BadField;
        }

        int versionBits = flag >> 2;
        if (versionBits > (int)Hj212Version.Hj2025)
        {
            return Hj212Error.UnsupportedVersion;
        }

        frame.Flag = flag;
        frame.Version = (Hj212Version)versionBits;
        return Hj212Error.None;
    }

    private static Hj212Error SetPacketField(ReadOnlySpan<byte> value, ref Hj212Frame frame, bool isCount)
    {
        if ((isCount ? frame.PacketCount : frame.PacketNumber) != 0)
        {
            return Hj212Error.DuplicateField;
        }

        if (value.Length > 4 || !Hj212Ascii.TryParseDigits(value, out int number) || number == 0)
        {
            return Hj212Error.BadField;
        }

        if (isCount)
        {
            frame.PacketCount = number;
        }
        else
        {
            frame.PacketNumber = number;
        }

        return Hj212Error.None;
    }
}
