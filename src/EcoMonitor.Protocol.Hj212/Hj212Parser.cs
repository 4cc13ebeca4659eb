using System.Buffers;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Decodes one whole HJ 212 frame (<c>##</c> to CR LF) into a <see cref="Hj212Frame"/> of spans, with zero
/// allocations and without exceptions for any input. Framing per HJ 212-2017 §6.3.1, CRC per appendix A, data segment
/// per §6.3.2 and CP per §6.3.3. Checks run in this order: header, length, trailer, CRC text, fields, CRC value; on a
/// CRC mismatch the fields are still decoded so the claimed MN/QN/CN can be archived.
/// </summary>
/// <remarks>
/// A frame that arrives in several segments is parsed with <see cref="Parse(in ReadOnlySequence{byte}, Span{byte})"/>,
/// which copies it into the caller's scratch buffer (e.g. rented from <c>ArrayPool&lt;byte&gt;.Shared</c>, at least the
/// scanner's <c>maxFrameBytes</c>); the frame's spans then live as long as that buffer.
/// </remarks>
public static partial class Hj212Parser
{
    private const int HeaderBytes = 6;
    private const int CrcBytes = 4;

    /// <summary>Parses <paramref name="frame"/>, which must hold exactly one frame including its CR LF trailer.</summary>
    public static Hj212ParseResult Parse(ReadOnlySpan<byte> frame)
    {
        Hj212Frame result = default;
        result.Flag = -1;
        if (frame.Length < 2 || frame[0] != (byte)'#' || frame[1] != (byte)'#')
        {
            return new(result, Hj212Error.MissingHeader, 0);
        }

        if (frame.Length < HeaderBytes)
        {
            return new(result, Hj212Error.Truncated, frame.Length);
        }

        if (!Hj212Ascii.TryParseDigits(frame[2..HeaderBytes], out int dataLength))
        {
            return new(result, Hj212Error.BadLength, 2);
        }

        int crcStart = HeaderBytes + dataLength;
        int frameLength = crcStart + CrcBytes + 2;
        if (frame.Length != frameLength || frame[^2] != (byte)'\r' || frame[^1] != (byte)'\n')
        {
            return TrailerError(frame, result, crcStart, frameLength);
        }

        if (!Hj212Crc.TryParseHex(frame.Slice(crcStart, CrcBytes), out ushort claimedCrc))
        {
            return new(result, Hj212Error.BadCrcText, crcStart);
        }

        ReadOnlySpan<byte> data = frame.Slice(HeaderBytes, dataLength);
        result.Crc = claimedCrc;
        result.DataSegment = data;
        result.HasValidCrc = Hj212Crc.Compute(data) == claimedCrc;
        (Hj212Error fieldError, int fieldPosition) = ParseDataSegment(data, ref result);
        if (!result.HasValidCrc)
        {
            return new(result, Hj212Error.CrcMismatch, crcStart);
        }

        return fieldError == Hj212Error.None
            ? new(result, Hj212Error.None, 0)
            : new(result, fieldError, HeaderBytes + fieldPosition);
    }

    /// <summary>
    /// Parses a frame cut by <see cref="Hj212FrameScanner"/>: a single-segment frame in place, a multi-segment one after
    /// copying it into <paramref name="scratch"/> (which must hold the whole frame). Zero allocations.
    /// </summary>
    /// <exception cref="ArgumentException">The frame is multi-segment and longer than <paramref name="scratch"/>.</exception>
    public static Hj212ParseResult Parse(in ReadOnlySequence<byte> frame, Span<byte> scratch)
    {
        if (frame.IsSingleSegment)
        {
            return Parse(frame.FirstSpan);
        }

        if (frame.Length > scratch.Length)
        {
            throw new ArgumentException("The scratch buffer is smaller than the frame.", nameof(scratch));
        }

        frame.CopyTo(scratch);
        return Parse(scratch[..(int)frame.Length]);
    }

    private static Hj212ParseResult TrailerError(ReadOnlySpan<byte> frame, Hj212Frame result, int crcStart, int frameLength)
    {
        bool endsWithCrLf = frame.Length >= 2 && frame[^2] == (byte)'\r' && frame[^1] == (byte)'\n';
        if (endsWithCrLf)
        {
            // A CR LF exists, but not where the length says: the length is wrong.
            return new(result, Hj212Error.BadLength, 2);
        }

        if (frame.Length < crcStart + CrcBytes)
        {
            return new(result, Hj212Error.Truncated, frame.Length);
        }

        return frame.Length > frameLength
            ? new(result, Hj212Error.BadLength, 2)
            : new(result, Hj212Error.MissingTrailer, crcStart + CrcBytes);
    }
}
