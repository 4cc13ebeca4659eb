namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212AllocationTests
{
    [Fact]
    public void ParseEnumerateAndAck_AllocateNothing()
    {
        byte[] frame = Some.Frame(Some.DataSegment());
        byte[] ack = new byte[256];
        Run(frame, ack);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += Run(frame, ack);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }

    private static int Run(byte[] frame, byte[] ack)
    {
        Hj212ParseResult result = Hj212Parser.Parse(frame);
        int total = result.Frame.TryGetDataTime(out _) ? 1 : 0;
        foreach (Hj212CpField field in result.Frame.EnumerateCp())
        {
            total += field.Value.Length;
        }

        return total + Hj212Responses.WriteDataAck(result.Frame, ack);
    }
}
