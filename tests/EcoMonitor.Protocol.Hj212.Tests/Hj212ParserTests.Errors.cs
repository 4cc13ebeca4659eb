namespace EcoMonitor.Protocol.Hj212.Tests;

public sealed partial class Hj212ParserTests
{
    [Theory]
    [InlineData("", Hj212Error.MissingHeader, 0)]
    [InlineData("#0077", Hj212Error.MissingHeader, 0)]
    [InlineData("##00", Hj212Error.Truncated, 4)]
    [InlineData("##00x7QN=1;ST=91;CN=9014;PW=1;MN=1;CP=&&&&1234\r\n", Hj212Error.BadLength, 2)]
    [InlineData("##0010QN=1\r\n", Hj212Error.BadLength, 2)]
    [InlineData("##0010QN=1;ST=91;", Hj212Error.Truncated, 17)]
    [InlineData("##0004ABCD1234", Hj212Error.MissingTrailer, 14)]
    [InlineData("##0004ABCD1234\r", Hj212Error.MissingTrailer, 14)]
    [InlineData("##0004ABCD1234\n\r", Hj212Error.MissingTrailer, 14)]
    [InlineData("##0004ABCD12G4\r\n", Hj212Error.BadCrcText, 10)]
    public void Parse_BrokenFraming_ReturnsErrorAndPosition(string text, Hj212Error error, int position)
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Raw(text));

        Assert.False(result.IsSuccess);
        Assert.Equal(error, result.Error);
        Assert.Equal(position, result.Position);
    }

    [Fact]
    public void Parse_ExtraBytesAfterTrailer_IsBadLength()
    {
        byte[] frame = [.. Some.Frame(Some.DataSegment()), (byte)'x'];

        Assert.Equal(Hj212Error.BadLength, Hj212Parser.Parse(frame).Error);
    }

    [Fact]
    public void Parse_WrongCrc_ReturnsCrcMismatchWithFieldsDecoded()
    {
        byte[] frame = Some.Frame(Some.DataSegment());
        frame[^3] = frame[^3] == (byte)'0' ? (byte)'1' : (byte)'0';

        Hj212ParseResult result = Hj212Parser.Parse(frame);

        Assert.Equal(Hj212Error.CrcMismatch, result.Error);
        Assert.Equal(frame.Length - 6, result.Position);
        Assert.False(result.Frame.HasValidCrc);
        Assert.Equal(Some.Mn, System.Text.Encoding.ASCII.GetString(result.Frame.Mn));
        Assert.Equal(2051, result.Frame.CommandCode);
        Assert.False(result.Frame.Cp.IsEmpty);
    }

    [Theory]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;XX=1;CP=&&&&", Hj212Error.BadField, 29)]
    [InlineData("QN=1;ST22;CN=2011;PW=1;MN=M;CP=&&&&", Hj212Error.BadField, 5)]
    [InlineData("QN=1;ST=;CN=2011;PW=1;MN=M;CP=&&&&", Hj212Error.BadField, 5)]
    [InlineData("QN=1;QN=2;CN=2011;PW=1;MN=M;CP=&&&&", Hj212Error.DuplicateField, 5)]
    [InlineData("QN=1;ST=22;CN=20x1;PW=1;MN=M;CP=&&&&", Hj212Error.BadCommand, 14)]
    [InlineData("QN=1;ST=22;CN=12345678;PW=1;MN=M;CP=&&&&", Hj212Error.BadCommand, 14)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;Flag=x;CP=&&&&", Hj212Error.BadField, 29)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;Flag=256;CP=&&&&", Hj212Error.BadField, 29)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;Flag=12;CP=&&&&", Hj212Error.UnsupportedVersion, 34)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;PNUM=0;CP=&&&&", Hj212Error.BadField, 29)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;PNO=x;CP=&&&&", Hj212Error.BadField, 29)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;CP=&&&&", Hj212Error.MissingField, 24)]
    [InlineData("QN=1;ST=22;PW=1;MN=M;CP=&&&&", Hj212Error.MissingField, 21)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;", Hj212Error.MissingField, 29)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=MCP=&&&&", Hj212Error.BadField, 24)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;CP=&&a=1", Hj212Error.UnclosedCp, 37)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;CP=&&&", Hj212Error.UnclosedCp, 35)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;CP=&&a=1;;b=2&&", Hj212Error.BadField, 38)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;CP=&&a=1;&&", Hj212Error.BadField, 38)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;CP=&&a=1,b&&", Hj212Error.BadField, 38)]
    [InlineData("QN=1;ST=22;CN=2011;PW=1;MN=M;CP=&&=1&&", Hj212Error.BadField, 34)]
    public void Parse_BadDataSegment_ReturnsErrorAtFieldPosition(string data, Hj212Error error, int dataOffset)
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame(data));

        Assert.Equal(error, result.Error);
        Assert.Equal(6 + dataOffset, result.Position);
        Assert.True(result.Frame.HasValidCrc);
    }

    [Fact]
    public void Parse_FieldErrorAfterHeader_KeepsFieldsReadSoFar()
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame("QN=7;ST=22;CN=2011;PW=1;MN=M;XX=1;CP=&&&&"));

        Assert.Equal(Hj212Error.BadField, result.Error);
        Assert.Equal("7", System.Text.Encoding.ASCII.GetString(result.Frame.Qn));
        Assert.Equal("M", System.Text.Encoding.ASCII.GetString(result.Frame.Mn));
        Assert.Equal(2011, result.Frame.CommandCode);
        Assert.False(result.Frame.IsHeaderComplete);
    }

    [Fact]
    public void Parse_CpError_HeaderIsComplete()
    {
        Hj212ParseResult result = Hj212Parser.Parse(Some.Frame("QN=7;ST=22;CN=2011;PW=1;MN=M;Flag=8;CP=&&a&&"));

        Assert.Equal(Hj212Error.BadField, result.Error);
        Assert.True(result.Frame.IsHeaderComplete);
        Assert.Equal(Hj212Version.Hj2025, result.Frame.Version);
    }
}
