using System.Buffers;
using System.Text;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212FormatterTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    [Fact]
    public void Format_FromFrame_ReproducesFrameByteForByte()
    {
        byte[] frame = Some.Frame("QN=20191112091100598;ST=31;CN=2051;PW=123456;MN=14513567846884;PNO=0002;PNUM=0002;CP=&&DataTime=20230327090000;a01006-Avg=101.85,a01006-Min=101.84&&");
        Hj212Frame parsed = Hj212Parser.Parse(frame).Frame;

        byte[] formatted = Hj212Formatter.Format(Hj212Message.FromFrame(parsed, Encoding.UTF8), Encoding.UTF8);

        Assert.Equal(frame, formatted);
    }

    [Fact]
    public void FromFrame_KeepsHeaderOrderGroupsAndExactText()
    {
        Hj212Frame parsed = Hj212Parser.Parse(Some.Frame(Some.DataSegment())).Frame;

        var message = Hj212Message.FromFrame(parsed, Encoding.UTF8);

        Assert.Equal(["QN", "ST", "CN", "PW", "MN", "Flag"], message.Header.Select(f => f.Key));
        Assert.Equal("2051", message.Cn);
        Assert.Equal("5", message.Flag);
        Assert.Equal(3, message.Cp.Count);
        Assert.Equal("14", message.Cp[1].Get("a34004-Avg"));
        Assert.Equal(new Hj212TextField("a21026-Flag", "N"), message.Cp[2].Fields[1]);
    }

    [Fact]
    public void Format_GbkText_RoundTripsChineseInfo()
    {
        Hj212Message message = new();
        message.SetHeader("ST", "32");
        message.SetHeader("CN", "3020");
        message.SetHeader("PW", "123456");
        message.SetHeader("MN", "站点001");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("i12001-Info", "设备故障")]));

        byte[] frame = Hj212Formatter.Format(message, Gbk);
        Hj212ParseResult result = Hj212Parser.Parse(frame);

        Assert.True(result.IsSuccess);
        var back = Hj212Message.FromFrame(result.Frame, Gbk);
        Assert.Equal("站点001", back.Mn);
        Assert.Equal("设备故障", back.Cp[0].Get("i12001-Info"));
        Assert.Equal(Gbk.GetByteCount("站点001"), result.Frame.Mn.Length);
    }

    [Fact]
    public void Write_ToBufferWriter_WritesSameBytesAsFormat()
    {
        var message = Hj212Message.FromFrame(Hj212Parser.Parse(Some.Frame(Some.DataSegment())).Frame, Encoding.UTF8);
        ArrayBufferWriter<byte> writer = new();

        int written = Hj212Formatter.Write(message, Encoding.UTF8, writer);

        Assert.Equal(Hj212Formatter.Format(message, Encoding.UTF8), writer.WrittenSpan.ToArray());
        Assert.Equal(written, writer.WrittenCount);
    }

    [Fact]
    public void Format_EmptyCp_WritesFourAmpersands()
    {
        Hj212Message message = new();
        message.SetHeader("CN", "9014");

        Assert.Equal("##0015CN=9014;CP=&&&&", Encoding.ASCII.GetString(Hj212Formatter.Format(message, Encoding.ASCII))[..21]);
    }

    [Theory]
    [InlineData("a;b", "1")]
    [InlineData("a", "1,2")]
    [InlineData("", "1")]
    [InlineData("a=b", "1")]
    [InlineData("a", "x&&")]
    public void Format_SeparatorInCpField_Throws(string key, string value)
    {
        Hj212Message message = new();
        message.SetHeader("CN", "2011");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField(key, value)]));

        Assert.Throws<ArgumentException>(() => Hj212Formatter.Format(message, Encoding.UTF8));
    }

    [Fact]
    public void Format_EmptyGroup_Throws()
    {
        Hj212Message message = new();
        message.Cp.Add(new Hj212CpGroup());

        Assert.Throws<ArgumentException>(() => Hj212Formatter.Format(message, Encoding.UTF8));
    }

    [Fact]
    public void Format_DataSegmentOver9999Bytes_Throws()
    {
        Hj212Message message = new();
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("Info", new string('x', 10_000))]));

        Assert.Throws<ArgumentException>(() => Hj212Formatter.Format(message, Encoding.UTF8));
    }

    [Fact]
    public void SetHeader_ExistingKey_ReplacesInPlace()
    {
        Hj212Message message = new();
        message.SetHeader("QN", "1");
        message.SetHeader("ST", "22");
        message.SetHeader("QN", "2");

        Assert.Equal([new Hj212TextField("QN", "2"), new Hj212TextField("ST", "22")], message.Header);
    }
}
