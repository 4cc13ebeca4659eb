using System.Buffers;
using System.Text;

namespace EcoMonitor.Protocol.Hj212.Tests;

/// <summary>Test data builders.</summary>
internal static class Some
{
    public const string Mn = "010000A8900016F000169DC0";

    /// <summary>A 2017 minute-data segment (Flag=5, ack wanted).</summary>
    public static string DataSegment(string flag = "Flag=5;", string cp = "DataTime=20231008123300;a34004-Avg=14,a34004-Flag=N;a21026-Avg=6,a21026-Flag=N") =>
        $"QN=20231008123340461;ST=22;CN=2051;PW=123456;MN={Mn};{flag}CP=&&{cp}&&";

    /// <summary>Wraps a data segment into a whole frame with the correct length and upper-case CRC.</summary>
    public static byte[] Frame(string dataSegment) => Frame(Encoding.UTF8.GetBytes(dataSegment));

    public static byte[] Frame(byte[] data)
    {
        string crc = Hj212Crc.ComputeBitwise(data).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        byte[] head = Encoding.ASCII.GetBytes($"##{data.Length:D4}");
        return [.. head, .. data, .. Encoding.ASCII.GetBytes(crc), (byte)'\r', (byte)'\n'];
    }

    /// <summary>A frame whose text is given verbatim (length and CRC as written).</summary>
    public static byte[] Raw(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A sequence made of the given segments (to test scanning across segment boundaries).</summary>
    public static ReadOnlySequence<byte> Sequence(params byte[][] segments)
    {
        if (segments.Length == 1)
        {
            return new ReadOnlySequence<byte>(segments[0]);
        }

        Segment first = new(segments[0], 0);
        Segment last = first;
        for (int i = 1; i < segments.Length; i++)
        {
            last = last.Append(segments[i]);
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
