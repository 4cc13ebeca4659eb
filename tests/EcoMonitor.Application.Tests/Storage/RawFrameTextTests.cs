using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Storage;

[Trait("Area", "Portal")]
public sealed class RawFrameTextTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    // A CN 3020 frame (HJ 212-2017 site information) with Chinese text, as a GBK logger sends it.
    private const string Frame = "##0093QN=20260101000000003;ST=32;CN=3020;PW=654321;MN=GBK0001;Flag=4;CP=&&DataTime=20260101080000;i12001-Info=设备故障&&ABCD\r\n";

    // What a person is shown: the frame with its password masked.
    private static readonly string Shown = Frame.Replace("PW=654321", "PW=******", StringComparison.Ordinal);

    [Fact]
    public void Decode_GbkBytesOfAGbkStation_AreTheChineseText()
    {
        DecodedFrameText text = RawFrameText.Decode(Gbk.GetBytes(Frame), TextEncoding.Gbk);

        Assert.Equal(Shown, text.Text);
        Assert.Equal(TextEncoding.Gbk, text.Encoding);
        Assert.True(text.IsValid);
    }

    [Fact]
    public void Decode_GbkBytesOfAStationRegisteredAsUtf8_AreReadAsGbkAndSaySo()
    {
        DecodedFrameText text = RawFrameText.Decode(Gbk.GetBytes(Frame), TextEncoding.Utf8);

        Assert.Equal(Shown, text.Text);
        Assert.Equal(TextEncoding.Gbk, text.Encoding);
    }

    [Fact]
    public void Decode_Utf8BytesOfAUtf8Station_AreTheChineseText()
    {
        DecodedFrameText text = RawFrameText.Decode(Encoding.UTF8.GetBytes(Frame), TextEncoding.Utf8);

        Assert.Equal(Shown, text.Text);
        Assert.Equal(TextEncoding.Utf8, text.Encoding);
    }

    [Fact]
    public void Decode_BytesValidInNeither_KeepTheStationsEncodingWithReplacementCharacters()
    {
        // 0x81 opens a GBK double-byte character that "&" cannot end, and is no UTF-8 lead byte.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("##0010QN=1;"), 0x81, .. Encoding.ASCII.GetBytes("&&\r\n")];

        DecodedFrameText text = RawFrameText.Decode(bytes, TextEncoding.Gbk);

        Assert.False(text.IsValid);
        Assert.Equal(TextEncoding.Gbk, text.Encoding);
        Assert.StartsWith("##0010QN=1;", text.Text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', text.Text);
        Assert.EndsWith("&\r\n", text.Text, StringComparison.Ordinal); // code page 936 takes 0x81 0x26 as one bad character
    }
}
