using System.Buffers;
using System.Text;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212FrameScannerTests
{
    private static readonly byte[] First = Some.Frame(Some.DataSegment());
    private static readonly byte[] Second = Some.Frame(Some.DataSegment("Flag=4;", "QnRtn=1"));

    private static List<string> ScanAll(ReadOnlySequence<byte> buffer, Hj212FrameScanner scanner, out ReadOnlySequence<byte> rest)
    {
        List<string> events = [];
        while (true)
        {
            Hj212ScanStatus status = scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out Hj212Error error);
            if (status == Hj212ScanStatus.NeedMoreData)
            {
                rest = buffer;
                return events;
            }

            events.Add(status == Hj212ScanStatus.Frame ? Encoding.ASCII.GetString(frame.ToArray()) : $"{error}:{Encoding.ASCII.GetString(frame.ToArray())}");
        }
    }

    [Fact]
    public void TryRead_JoinedFrames_ReturnsEachFrame()
    {
        List<string> events = ScanAll(Some.Sequence([.. First, .. Second]), new Hj212FrameScanner(4096), out ReadOnlySequence<byte> rest);

        Assert.Equal([Encoding.ASCII.GetString(First), Encoding.ASCII.GetString(Second)], events);
        Assert.True(rest.IsEmpty);
    }

    [Fact]
    public void TryRead_EverySplitIntoTwoSegments_ReturnsSameFrames()
    {
        byte[] stream = [.. "noise#"u8, .. First, .. "\r\n#x"u8, .. Second, .. "##"u8];
        for (int split = 0; split <= stream.Length; split++)
        {
            Hj212FrameScanner scanner = new(4096);
            List<string> events = ScanAll(Some.Sequence(stream[..split], stream[split..]), scanner, out ReadOnlySequence<byte> rest);

            Assert.Equal([Encoding.ASCII.GetString(First), Encoding.ASCII.GetString(Second)], events);
            Assert.Equal("##", Encoding.ASCII.GetString(rest.ToArray()));
        }
    }

    [Fact]
    public void TryRead_ByteByByte_ReturnsFrameOnlyWhenComplete()
    {
        Hj212FrameScanner scanner = new(4096);
        byte[] pending = [];
        int frames = 0;
        for (int i = 0; i < First.Length; i++)
        {
            ReadOnlySequence<byte> buffer = new([.. pending, First[i]]);
            Hj212ScanStatus status = scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out _);
            if (status == Hj212ScanStatus.Frame)
            {
                frames++;
                Assert.Equal(First, frame.ToArray());
                Assert.Equal(First.Length - 1, i);
            }

            pending = buffer.ToArray();
        }

        Assert.Equal(1, frames);
    }

    [Fact]
    public void TryRead_Noise_IsSkippedAndCounted()
    {
        Hj212FrameScanner scanner = new(4096);
        ReadOnlySequence<byte> buffer = Some.Sequence([.. "AT+OK\r\n"u8, .. First]);

        Assert.Equal(Hj212ScanStatus.Frame, scanner.TryRead(ref buffer, out _, out _));
        Assert.Equal(7, scanner.SkippedBytes);
    }

    [Fact]
    public void TryRead_OnlyNoiseEndingInHash_KeepsTheHash()
    {
        Hj212FrameScanner scanner = new(4096);
        ReadOnlySequence<byte> buffer = Some.Sequence("abc#"u8.ToArray());

        Assert.Equal(Hj212ScanStatus.NeedMoreData, scanner.TryRead(ref buffer, out _, out _));
        Assert.Equal(3, scanner.SkippedBytes);
        Assert.Equal("#", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Fact]
    public void TryRead_Oversize_RejectsFromHeaderWithoutWaitingForBody()
    {
        Hj212FrameScanner scanner = new(100);
        ReadOnlySequence<byte> buffer = Some.Sequence("##0999QN=1"u8.ToArray());

        Hj212ScanStatus status = scanner.TryRead(ref buffer, out ReadOnlySequence<byte> rejected, out Hj212Error error);

        Assert.Equal(Hj212ScanStatus.Rejected, status);
        Assert.Equal(Hj212Error.FrameTooLong, error);
        Assert.Equal("##0999", Encoding.ASCII.GetString(rejected.ToArray()));
        Assert.Equal("QN=1", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Fact]
    public void TryRead_NonDigitLength_RejectsAndResynchronises()
    {
        List<string> events = ScanAll(Some.Sequence([.. "##12x4"u8, .. First]), new Hj212FrameScanner(4096), out _);

        Assert.Equal(["BadLength:##12x4", Encoding.ASCII.GetString(First)], events);
    }

    [Fact]
    public void TryRead_TruncatedFrameFollowedByGoodOne_RejectsUpToNextHeader()
    {
        byte[] truncated = First[..40];
        List<string> events = ScanAll(Some.Sequence([.. truncated, .. First, .. First]), new Hj212FrameScanner(4096), out _);

        Assert.Equal(3, events.Count);
        Assert.Equal($"BadLength:{Encoding.ASCII.GetString(truncated)}", events[0]);
        Assert.Equal(Encoding.ASCII.GetString(First), events[1]);
        Assert.Equal(Encoding.ASCII.GetString(First), events[2]);
    }

    [Fact]
    public void TryRead_LengthTooShort_RejectsWithBadLength()
    {
        byte[] wrong = [.. First];
        Encoding.ASCII.GetBytes($"##{First.Length - 13:D4}").CopyTo(wrong, 0);
        List<string> events = ScanAll(Some.Sequence(wrong), new Hj212FrameScanner(4096), out _);

        Assert.StartsWith("BadLength:##", events[0]);
    }

    [Fact]
    public void Parse_MultiSegmentFrame_ParsesViaScratch()
    {
        Hj212FrameScanner scanner = new(4096);
        ReadOnlySequence<byte> buffer = Some.Sequence(First[..100], First[100..]);
        Assert.Equal(Hj212ScanStatus.Frame, scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out _));
        byte[] scratch = new byte[4096];

        Hj212ParseResult result = Hj212Parser.Parse(frame, scratch);

        Assert.False(frame.IsSingleSegment);
        Assert.True(result.IsSuccess);
        Assert.Equal(2051, result.Frame.CommandCode);
    }

    [Fact]
    public void Parse_MultiSegmentFrameLargerThanScratch_Throws()
    {
        ReadOnlySequence<byte> frame = Some.Sequence(First[..100], First[100..]);

        Assert.Throws<ArgumentException>(() => Hj212Parser.Parse(frame, new byte[First.Length - 1]).IsSuccess);
    }

    [Fact]
    public void Constructor_MaxBelowMinimumFrame_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Hj212FrameScanner(11));
}
