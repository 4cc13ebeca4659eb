using System.Buffers;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Cuts HJ 212 frames out of a byte stream (HJ 212-2017 §6.3.1: <c>##</c>, 4-digit length of the data segment, data
/// segment, 4 hex CRC, CR LF) for a System.IO.Pipelines read loop. Allocation-free. It does not check the CRC or the
/// data segment: that is <see cref="Hj212Parser"/>'s job.
/// </summary>
/// <remarks>
/// Noise before a <c>##</c> is skipped and counted in <see cref="SkippedBytes"/>. A length that is not 4 digits or that
/// announces more than <c>maxFrameBytes</c> is rejected from the 6 header bytes alone, without buffering the body; a
/// frame whose CR LF is not where the length puts it is rejected once the announced bytes are there. After a rejection
/// the scanner resynchronises on the next <c>##</c> after the rejected frame's start, so a good frame following a bad
/// one is not lost. Not thread-safe: one instance per connection.
/// </remarks>
public sealed class Hj212FrameScanner
{
    private const int HeaderBytes = 6;
    private const int OverheadBytes = 12;

    /// <summary>Creates a scanner that rejects frames longer than <paramref name="maxFrameBytes"/> (whole frame, <c>##</c> to CR LF).</summary>
    public Hj212FrameScanner(int maxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, OverheadBytes);
        MaxFrameBytes = maxFrameBytes;
    }

    /// <summary>The largest frame accepted, in bytes from <c>##</c> to CR LF inclusive.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>Noise bytes (not part of any frame) skipped by the most recent <see cref="TryRead"/> call.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>
    /// Tries to cut the next frame from <paramref name="buffer"/>, which is advanced past everything consumed
    /// (skipped noise, the frame, or the rejected bytes). On <see cref="Hj212ScanStatus.Frame"/>,
    /// <paramref name="frame"/> holds the whole frame; on <see cref="Hj212ScanStatus.Rejected"/>, the rejected bytes
    /// and <paramref name="error"/> why (<see cref="Hj212Error.BadLength"/> or <see cref="Hj212Error.FrameTooLong"/>).
    /// On <see cref="Hj212ScanStatus.NeedMoreData"/> the buffer starts at the pending <c>##</c> (or a lone trailing
    /// <c>#</c>), and at most <see cref="MaxFrameBytes"/> bytes are ever waited for.
    /// </summary>
    public Hj212ScanStatus TryRead(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out Hj212Error error)
    {
        frame = default;
        error = Hj212Error.None;
        SkippedBytes = 0;

        long start = IndexOfHeader(buffer, 0);
        if (start < 0)
        {
            long keep = EndsWithHash(buffer) ? 1 : 0;
            SkippedBytes = buffer.Length - keep;
            buffer = buffer.Slice(buffer.Length - keep);
            return Hj212ScanStatus.NeedMoreData;
        }

        SkippedBytes = start;
        buffer = buffer.Slice(start);
        if (buffer.Length < HeaderBytes)
        {
            return Hj212ScanStatus.NeedMoreData;
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        if (!Hj212Ascii.TryParseDigits(header[2..], out int dataLength))
        {
            return Reject(ref buffer, HeaderBytes, Hj212Error.BadLength, out frame, out error);
        }

        int frameLength = OverheadBytes + dataLength;
        if (frameLength > MaxFrameBytes)
        {
            return Reject(ref buffer, HeaderBytes, Hj212Error.FrameTooLong, out frame, out error);
        }

        if (buffer.Length < frameLength)
        {
            return Hj212ScanStatus.NeedMoreData;
        }

        Span<byte> trailer = stackalloc byte[2];
        buffer.Slice(frameLength - 2, 2).CopyTo(trailer);
        if (trailer[0] != (byte)'\r' || trailer[1] != (byte)'\n')
        {
            return Reject(ref buffer, frameLength, Hj212Error.BadLength, out frame, out error);
        }

        frame = buffer.Slice(0, frameLength);
        buffer = buffer.Slice(frameLength);
        return Hj212ScanStatus.Frame;
    }

    private static Hj212ScanStatus Reject(
        ref ReadOnlySequence<byte> buffer, long limit, Hj212Error reason, out ReadOnlySequence<byte> frame, out Hj212Error error)
    {
        // The rejected bytes end at the next "##" inside the claimed extent, where a real frame may start.
        long next = IndexOfHeader(buffer.Slice(0, Math.Min(buffer.Length, limit + 1)), 1);
        long end = next >= 0 && next < limit ? next : limit;
        frame = buffer.Slice(0, end);
        buffer = buffer.Slice(end);
        error = reason;
        return Hj212ScanStatus.Rejected;
    }

    private static long IndexOfHeader(ReadOnlySequence<byte> buffer, long from)
    {
        SequenceReader<byte> reader = new(buffer.Slice(from));
        while (reader.TryAdvanceTo((byte)'#', advancePastDelimiter: true))
        {
            if (reader.TryPeek(out byte next) && next == (byte)'#')
            {
                return from + reader.Consumed - 1;
            }
        }

        return -1;
    }

    private static bool EndsWithHash(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return false;
        }

        ReadOnlySequence<byte> last = buffer.Slice(buffer.Length - 1);
        return last.FirstSpan[0] == (byte)'#';
    }
}
