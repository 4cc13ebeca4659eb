using System.Buffers;
using System.Text;

namespace EcoMonitor.Protocol.Hj212.Tests;

/// <summary>Fuzz entry point (STYLE §11): scanner, parser, message and response writers over arbitrary input.</summary>
public static class Hj212Fuzz
{
    public static void Fuzz(ReadOnlySpan<byte> input)
    {
        Hj212FrameScanner scanner = new(4096);
        byte[] copy = input.ToArray();
        ReadOnlySequence<byte> buffer = new(copy);
        int guard = 0;
        while (scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out _) != Hj212ScanStatus.NeedMoreData)
        {
            if (++guard > copy.Length + 1)
            {
                throw new InvalidOperationException("The scanner did not make progress.");
            }

            Check(frame.ToArray());
        }

        Check(input);
    }

    private static void Check(ReadOnlySpan<byte> input)
    {
        Hj212ParseResult result = Hj212Parser.Parse(input);
        Hj212Frame frame = result.Frame;
        if ((uint)result.Position > (uint)input.Length)
        {
            throw new InvalidOperationException($"Position {result.Position} is outside the input.");
        }

        EnsureInside(input, frame.DataSegment);
        EnsureInside(input, frame.Cp);
        EnsureInside(input, frame.Mn);
        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            EnsureInside(input, field.Value);
        }

        _ = frame.TryGetDataTime(out _);
        if (result.IsSuccess || result.Error == Hj212Error.CrcMismatch)
        {
            var message = Hj212Message.FromFrame(frame, Encoding.UTF8);
            _ = message.Cp.Count;
            Span<byte> response = new byte[Hj212Responses.GetMaxLength(frame)];
            int written = Hj212Responses.WriteDataAck(frame, response);
            if (result.IsSuccess && IsPlainAscii(frame) && !Hj212Parser.Parse(response[..written]).IsSuccess)
            {
                throw new InvalidOperationException("A data ack of a decoded frame does not parse.");
            }
        }
    }

    private static bool IsPlainAscii(Hj212Frame frame) =>
        System.Text.Ascii.IsValid(frame.DataSegment) && frame.Header.IndexOf("&"u8) < 0;

    private static void EnsureInside(ReadOnlySpan<byte> input, ReadOnlySpan<byte> part)
    {
        if (part.IsEmpty)
        {
            return;
        }

        if (!input.Overlaps(part, out int offset) || offset < 0 || offset + part.Length > input.Length)
        {
            throw new InvalidOperationException("A decoded span lies outside the input.");
        }
    }
}
