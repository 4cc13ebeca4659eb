using System.Text;
using NodaTime;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed partial class Hj212ParserTests
{
    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Parse_ValidFrame_ReadsEveryHeaderField()
    {
        byte[] frame = Some.Frame(Some.DataSegment());

        Hj212ParseResult result = Hj212Parser.Parse(frame);

        Assert.True(result.IsSuccess);
        Hj212Frame f = result.Frame;
        Assert.Equal("20231008123340461", Text(f.Qn));
        Assert.Equal("22", Text(f.St));
        Assert.Equal("2051", Text(f.Cn));
        Assert.Equal(2051, f.CommandCode);
        Assert.Equal("123456", Text(f.Pw));
        Assert.Equal(Some.Mn, Text(f.Mn));
        Assert.Equal(5, f.Flag);
        Assert.True(f.HasValidCrc);
        Assert.True(f.IsHeaderComplete);
        Assert.Equal("DataTime=20231008123300;a34004-Avg=14,a34004-Flag=N;a21026-Avg=6,a21026-Flag=N", Text(f.Cp));
    }

    [Theory]
    [InlineData("", Hj212Version.Hj2005, -1, false)]
    [InlineData("Flag=0;", Hj212Version.Hj2005, 0, false)]
    [InlineData("Flag=1;", Hj212Version.Hj2005, 1, true)]
    [InlineData("Flag=4;", Hj212Version.Hj2017, 4, false)]
    [InlineData("Flag=5;", Hj212Version.Hj2017, 5, true)]
    [InlineData("Flag=8;", Hj212Version.Hj2025, 8, false)]
    [InlineData("Flag=9;", Hj212Version.Hj2025, 9, true)]
    public void Parse_Flag_GivesVersionAndAckBit(string flag, Hj212Version version, int flagValue, bool ack)
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame(Some.DataSegment(flag)));

        Assert.True(result.IsSuccess);
        Assert.Equal(version, result.Frame.Version);
        Assert.Equal(flagValue, result.Frame.Flag);
        Assert.Equal(ack, result.Frame.IsAckRequested);
        Assert.False(result.Frame.HasSubPackets);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(1002)]
    [InlineData(1014)]
    public void Parse_Hj2025NewCommands_Decode(int command)
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame($"QN=20260105080000000;ST=22;CN={command};PW=123456;MN={Some.Mn};Flag=9;CP=&&DataTime=20260105080000&&"));

        Assert.True(result.IsSuccess);
        Assert.Equal(Hj212Version.Hj2025, result.Frame.Version);
        Assert.Equal(command, result.Frame.CommandCode);
    }

    [Fact]
    public void Parse_SubPackets_ReadsPacketCountAndNumber()
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame(Some.DataSegment("Flag=7;PNUM=0003;PNO=2;")));

        Assert.True(result.IsSuccess);
        Assert.True(result.Frame.HasSubPackets);
        Assert.Equal(3, result.Frame.PacketCount);
        Assert.Equal(2, result.Frame.PacketNumber);
    }

    [Fact]
    public void Parse_NoPackets_PacketFieldsAreZero()
    {
        Hj212Frame frame = Hj212Parser.Parse(Some.Frame(Some.DataSegment())).Frame;

        Assert.Equal(0, frame.PacketCount);
        Assert.Equal(0, frame.PacketNumber);
    }

    [Fact]
    public void Parse_2005HeaderWithoutQnAndFlag_Succeeds()
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame("ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817;B01-Rtd=36.91&&"));

        Assert.True(result.IsSuccess);
        Assert.Equal(Hj212Version.Hj2005, result.Frame.Version);
        Assert.True(result.Frame.Qn.IsEmpty);
        Assert.Equal(-1, result.Frame.Flag);
    }

    [Fact]
    public void Parse_LowerCaseCrc_IsAccepted()
    {
        byte[] frame = Some.Frame(Some.DataSegment());
        for (int i = frame.Length - 6; i < frame.Length - 2; i++)
        {
            frame[i] = (byte)char.ToLowerInvariant((char)frame[i]);
        }

        Assert.True(Hj212Parser.Parse(frame).IsSuccess);
    }

    [Fact]
    public void Parse_EmptyCp_HasNoFields()
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame(Some.DataSegment(cp: "")));

        Assert.True(result.IsSuccess);
        Assert.True(result.Frame.Cp.IsEmpty);
        Assert.False(result.Frame.EnumerateCp().MoveNext());
    }

    [Fact]
    public void EnumerateCp_SplitsGroupsFieldsCodesAndValues()
    {
        Hj212Frame frame = Hj212Parser.Parse(Some.Frame(Some.DataSegment())).Frame;
        List<string> seen = [];

        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            seen.Add($"{field.GroupIndex}|{Text(field.Code)}|{Text(field.Field)}|{Text(field.Key)}|{Text(field.Value)}");
        }

        Assert.Equal(
            [
                "0|||DataTime|20231008123300",
                "1|a34004|Avg|a34004-Avg|14",
                "1|a34004|Flag|a34004-Flag|N",
                "2|a21026|Avg|a21026-Avg|6",
                "2|a21026|Flag|a21026-Flag|N",
            ],
            seen);
    }

    [Theory]
    [InlineData("20231008123300", 2023, 10, 8, 12, 33, 0, 0)]
    [InlineData("20210305003817123", 2021, 3, 5, 0, 38, 17, 123)]
    public void TryGetDataTime_BothForms_Parse(string text, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        Hj212Frame frame = Hj212Parser.Parse(Some.Frame(Some.DataSegment(cp: $"DataTime={text};a34004-Rtd=1"))).Frame;

        Assert.True(frame.TryGetDataTime(out LocalDateTime dataTime));
        Assert.Equal(new LocalDateTime(y, mo, d, h, mi, s, ms), dataTime);
    }

    [Theory]
    [InlineData("20230230120000")]
    [InlineData("20231008240000")]
    [InlineData("2023100812000")]
    [InlineData("2023100812000x")]
    public void TryGetDataTime_Invalid_ReturnsFalse(string text)
    {
        Hj212Frame frame = Hj212Parser.Parse(Some.Frame(Some.DataSegment(cp: $"DataTime={text}"))).Frame;

        Assert.False(frame.TryGetDataTime(out _));
    }

    [Fact]
    public void TryGetDataTime_Absent_ReturnsFalse()
    {
        Hj212Frame frame = Hj212Parser.Parse(Some.Frame(Some.DataSegment(cp: "QnRtn=1"))).Frame;

        Assert.False(frame.TryGetDataTime(out _));
    }
}
