namespace EcoMonitor.Application.Storage;

/// <summary>
/// Masks the passwords an HJ 212 frame carries, so that no stored or served copy of a frame holds one: the header's
/// <c>PW=</c> (the station's access password, HJ 212-2017 §6.3.2) and a <c>NewPW=</c> in the data segment (CN 1072,
/// set the access password). Each byte of a password's value becomes <c>*</c>, so the frame keeps its length and
/// layout (its CRC no longer matches; the archive records the outcome decided on the original). A field is a password
/// only where a field starts (after <c>##dddd</c>, <c>;</c>, <c>,</c> or <c>&amp;&amp;</c>), so a value that merely
/// contains <c>PW=</c> is left alone. Pure; thread-safe.
/// </summary>
public static class FramePassword
{
    private const byte Mask = (byte)'*';

    /// <summary>Masks <paramref name="frame"/> in place; returns the number of bytes masked.</summary>
    public static int MaskInPlace(Span<byte> frame)
    {
        int masked = 0;
        for (int i = 0; i + 3 <= frame.Length; i++)
        {
            if (frame[i] != (byte)'P' || frame[i + 1] != (byte)'W' || frame[i + 2] != (byte)'=')
            {
                continue;
            }

            int name = i >= 3 && frame[i - 3] == (byte)'N' && frame[i - 2] == (byte)'e' && frame[i - 1] == (byte)'w' ? i - 3 : i;
            if (!IsFieldStart(frame, name))
            {
                continue;
            }

            int value = i + 3;
            int end = value;
            while (end < frame.Length && !IsValueEnd(frame[end]))
            {
                frame[end++] = Mask;
            }

            masked += end - value;
            i = end - 1;
        }

        return masked;
    }

    /// <summary>A masked copy of <paramref name="frame"/> (the input is not changed).</summary>
    public static byte[] Masked(ReadOnlySpan<byte> frame)
    {
        byte[] copy = frame.ToArray();
        MaskInPlace(copy);
        return copy;
    }

    private static bool IsFieldStart(ReadOnlySpan<byte> frame, int at) =>
        at == 6 && frame.Length > 1 && frame[0] == (byte)'#' && frame[1] == (byte)'#'
        || at > 0 && frame[at - 1] is (byte)';' or (byte)',' or (byte)'&';

    private static bool IsValueEnd(byte b) => b is (byte)';' or (byte)',' or (byte)'&' or (byte)'\r' or (byte)'\n';
}
