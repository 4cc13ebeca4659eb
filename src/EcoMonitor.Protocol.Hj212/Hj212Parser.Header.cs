namespace EcoMonitor.Protocol.Hj212;

/// <content>Header fields of the data segment (HJ 212-2017 §6.3.2, table 3).</content>
public static partial class Hj212Parser
{
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
