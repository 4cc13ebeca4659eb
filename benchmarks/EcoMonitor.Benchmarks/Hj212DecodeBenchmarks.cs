using System.Buffers;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// HJ 212 decode hot path: one 755-byte 2017 minute frame parsed (framing + CRC + header + CP validation) and all CP
/// fields enumerated; the CRC alone; and the stream scanner cutting frames out of a 4 KiB-segmented pipe buffer.
/// </summary>
[MemoryDiagnoser]
public class Hj212DecodeBenchmarks
{
    private const int FramesInStream = 1000;

    private byte[] _frame = [];
    private ReadOnlySequence<byte> _stream;
    private Hj212FrameScanner _scanner = new(4096);

    [GlobalSetup]
    public void Setup()
    {
        _frame = Hj212SampleFrames.MinuteFrame();
        byte[] all = new byte[_frame.Length * FramesInStream];
        for (int i = 0; i < FramesInStream; i++)
        {
            _frame.CopyTo(all, i * _frame.Length);
        }

        _stream = BenchmarkSequence.Segmented(all, 4096);
        _scanner = new Hj212FrameScanner(4096);
    }

    [Benchmark(Baseline = true)]
    public int ParseAndEnumerateCp()
    {
        Hj212ParseResult result = Hj212Parser.Parse(_frame);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error.ToString());
        }

        int total = 0;
        foreach (Hj212CpField field in result.Frame.EnumerateCp())
        {
            total += field.Value.Length + field.Code.Length;
        }

        return total;
    }

    [Benchmark]
    public ushort CrcOnly() => Hj212Crc.Compute(_frame.AsSpan(6, _frame.Length - 12));

    [Benchmark(OperationsPerInvoke = FramesInStream)]
    public int ScanStream()
    {
        ReadOnlySequence<byte> buffer = _stream;
        int frames = 0;
        while (_scanner.TryRead(ref buffer, out _, out _) == Hj212ScanStatus.Frame)
        {
            frames++;
        }

        return frames;
    }

    [Benchmark(OperationsPerInvoke = FramesInStream)]
    public int ScanParseAndEnumerateStream()
    {
        ReadOnlySequence<byte> buffer = _stream;
        byte[] rented = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            int total = 0;
            while (_scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out _) == Hj212ScanStatus.Frame)
            {
                Hj212ParseResult result = Hj212Parser.Parse(frame, rented);
                foreach (Hj212CpField field in result.Frame.EnumerateCp())
                {
                    total += field.Value.Length;
                }
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
