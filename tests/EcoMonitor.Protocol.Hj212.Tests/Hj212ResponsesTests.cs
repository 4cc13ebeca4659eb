using System.Text;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212ResponsesTests
{
    private delegate int Writer(in Hj212Frame request, Span<byte> destination);

    private static string Respond(string requestData, Writer write)
    {
        byte[] request = Some.Frame(requestData);
        Hj212Frame frame = Hj212Parser.Parse(request).Frame;
        byte[] buffer = new byte[Hj212Responses.GetMaxLength(frame)];
        int written = write(frame, buffer);
        Hj212ParseResult response = Hj212Parser.Parse(buffer.AsSpan(0, written));
        Assert.True(response.IsSuccess);
        return Encoding.ASCII.GetString(buffer, 0, written);
    }

    [Fact]
    public void WriteDataAck_2017_EchoesQnAndClearsAckBit()
    {
        // Matches the peer log line "##0077QN=20210412154520280;…;CN=9014;…;Flag=5;CP=&&&&" except ST=91 and Flag=4 by our policy.
        string ack = Respond(
            "QN=20210412154520280;ST=21;CN=2011;PW=123456;MN=DXCBZ000000005;Flag=5;CP=&&DataTime=20210412154500;w01018-Rtd=235.29&&",
            Hj212Responses.WriteDataAck);

        Assert.Equal(Encoding.ASCII.GetString(Some.Frame("QN=20210412154520280;ST=91;CN=9014;PW=123456;MN=DXCBZ000000005;Flag=4;CP=&&&&")), ack);
    }

    [Fact]
    public void WriteDataAck_2025_KeepsVersionBits() =>
        Assert.Contains(";Flag=8;CP=&&&&", Respond(Some.DataSegment("Flag=11;PNUM=2;PNO=1;"), Hj212Responses.WriteDataAck), StringComparison.Ordinal);

    [Fact]
    public void WriteDataAck_2005_CarriesQnAndCnInCp()
    {
        string ack = Respond("QN=20200924101500117;ST=31;CN=2051;PW=123456;MN=88888880000001;CP=&&DataTime=20200924101000&&", Hj212Responses.WriteDataAck);

        Assert.Equal(Encoding.ASCII.GetString(Some.Frame("ST=91;CN=9014;PW=123456;MN=88888880000001;CP=&&QN=20200924101500117;CN=2051&&")), ack);
    }

    [Fact]
    public void WriteDataAck_2005WithoutQn_CarriesCnOnly() =>
        Assert.Contains("CP=&&CN=2011&&", Respond("ST=32;CN=2011;PW=123456;MN=LD1;CP=&&B01-Rtd=1&&", Hj212Responses.WriteDataAck), StringComparison.Ordinal);

    [Fact]
    public void WriteRequestResponse_WritesQnRtn() =>
        Assert.Contains(";CN=9011;PW=123456;MN=" + Some.Mn + ";Flag=4;CP=&&QnRtn=3&&", Respond(Some.DataSegment(), (in Hj212Frame f, Span<byte> d) => Hj212Responses.WriteRequestResponse(f, Hj212ReturnCode.PasswordError, d)), StringComparison.Ordinal);

    [Fact]
    public void WriteExecutionResult_WritesExeRtn() =>
        Assert.Contains(";CN=9012;PW=123456;MN=" + Some.Mn + ";Flag=4;CP=&&ExeRtn=100&&", Respond(Some.DataSegment(), (in Hj212Frame f, Span<byte> d) => Hj212Responses.WriteExecutionResult(f, Hj212ExecutionResult.NoData, d)), StringComparison.Ordinal);

    [Fact]
    public void WriteNoticeResponse_WritesEmptyCp() =>
        Assert.Contains(";CN=9013;PW=123456;MN=" + Some.Mn + ";Flag=4;CP=&&&&", Respond(Some.DataSegment(), Hj212Responses.WriteNoticeResponse), StringComparison.Ordinal);

    [Fact]
    public void WriteRequestResponse_2005_CarriesQnInCp() =>
        Assert.Contains("CP=&&QN=7;QnRtn=9&&", Respond("QN=7;ST=32;CN=1012;PW=1;MN=M;CP=&&&&", (in Hj212Frame f, Span<byte> d) => Hj212Responses.WriteRequestResponse(f, Hj212ReturnCode.CrcError, d)), StringComparison.Ordinal);

    [Fact]
    public void WriteDataAck_DestinationTooSmall_Throws()
    {
        byte[] request = Some.Frame(Some.DataSegment());

        Assert.Throws<ArgumentException>(() =>
        {
            Hj212Frame frame = Hj212Parser.Parse(request).Frame;
            Hj212Responses.WriteDataAck(frame, new byte[10]);
        });
    }
}
