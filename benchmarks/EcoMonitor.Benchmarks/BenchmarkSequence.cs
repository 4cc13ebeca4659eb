using System.Buffers;

namespace EcoMonitor.Benchmarks;

/// <summary>Builds multi-segment sequences shaped like a Pipelines buffer.</summary>
internal static class BenchmarkSequence
{
    public static ReadOnlySequence<byte> Segmented(byte[] data, int segmentBytes)
    {
        Segment first = new(data.AsMemory(0, Math.Min(segmentBytes, data.Length)), 0);
        Segment last = first;
        for (int offset = segmentBytes; offset < data.Length; offset += segmentBytes)
        {
            last = last.Append(data.AsMemory(offset, Math.Min(segmentBytes, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            Segment next = new(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
