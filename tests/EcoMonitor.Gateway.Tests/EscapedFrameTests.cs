using System.Text;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Security")]
public sealed class EscapedFrameTests
{
    [Fact]
    public void ToString_MasksThePassword_EscapesTheLineEnd_AndLeavesTheFrameAlone()
    {
        byte[] frame = Encoding.ASCII.GetBytes("##0051QN=1;ST=22;CN=2011;PW=s3cret;MN=1001A;CP=&&&&ABCD\r\n");

        string text = new EscapedFrame(frame).ToString();

        Assert.Equal("##0051QN=1;ST=22;CN=2011;PW=******;MN=1001A;CP=&&&&ABCD\\r\\n", text);
        Assert.Contains("PW=s3cret", Encoding.ASCII.GetString(frame), StringComparison.Ordinal);
    }
}
