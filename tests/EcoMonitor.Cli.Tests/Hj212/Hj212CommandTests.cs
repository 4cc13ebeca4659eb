using System.Text;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Cli.Hj212;

namespace EcoMonitor.Cli.Tests.Hj212;

[Trait("Area", "Spine")]
public sealed class Hj212CommandTests
{
    private const string RequestResponse = "##0094QN=20231008125115215;ST=22;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&CC01";
    private const string SampleTime = "##0162QN=20231008123340461;ST=22;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20231008123340;w01008-SampleTime=20231008123340,w01008-Rtd=123.456&&F441";
    private const string Minute = "##0411QN=20220513162608370;ST=22;CN=2051;PW=123456;MN=JLYP01_AIR01_0001;Flag=4;CP=&&DataTime=20220513162600;a21004-Avg=4,a21004-Flag=N;a05024-Avg=63,a05024-Flag=N;a21026-Avg=6,a21026-Flag=N;a21005-Avg=0.427,a21005-Flag=N;a34004-Avg=14,a34004-Flag=N;a34002-Avg=31,a34002-Flag=N;a01007-Avg=1,a01007-Flag=N;a01008-Avg=11,a01008-Flag=N;a01001-Avg=17,a01001-Flag=N;a01002-Avg=85,a01002-Flag=N;a01006-Avg=95,a01006-Flag=N&&D641";
    private const string BadCrc = "##0275QN=20190901181526940;ST=32;CN=2011;PW=123456;MN=Y80110010000010;Flag=4;CP=&&DataTime=20190901181500;a21005-Rtd=1.760,a21005-Flag=N;a21026-Rtd=106.400,a21026-Flag=N;O3-Rtd=63.400,O3-Flag=N;a21004-Rtd=63.200,a21004-Flag=N;a34002-Rtd=9,a34002-Flag=N;a34004-Rtd=4,a34004-Flag=N&&1100";
    private const string Packets2005 = "##0204QN=20191112091100598;ST=31;CN=2051;PW=123456;MN=14513567846884;PNO=0002;PNUM=0002;CP=&&DataTime=20230327090000;a01006-Avg=101.85,a01006-Min=101.84,a01006-Max=101.87,a01006-ValidNum=10,a01006-TotalNum=10&&D801";

    private static (int ExitCode, string Output, string Error) Run(Func<Stream, Stream, TextWriter, Encoding, int> run, string input, string encoding = "utf-8")
    {
        using MemoryStream output = new();
        using StringWriter error = new();
        using MemoryStream stdin = new(Encoding.UTF8.GetBytes(input));
        int exitCode = run(stdin, output, error, Hj212TextEncodings.Get(encoding));
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Decode_RequestResponse_WritesExactContractLine()
    {
        (int exitCode, string output, _) = Run(Hj212Decoder.Run, RequestResponse + "\r\n");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            """{"ok":true,"error":null,"crcValid":true,"version":"2017","qn":"20231008125115215","st":"22","cn":"9011","pw":"123456","mn":"010000A8900016F000169DC0","flag":4,"pnum":null,"pno":null,"dataTime":null,"values":[]}""" + "\n",
            output);
    }

    [Fact]
    public void Decode_Values_ExcludeFlagFieldsAndCarryTheCodesFlag()
    {
        string output = Run(Hj212Decoder.Run, Minute).Output;

        Assert.Contains("""
            "dataTime":"20220513162600","values":[{"code":"a21004","field":"Avg","value":"4","flag":"N"},{"code":"a05024","field":"Avg","value":"63","flag":"N"},
            """, output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"field\":\"Flag\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DataTime", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ValuesWithoutFlag_HaveNullFlag() =>
        Assert.Contains(
            ""","values":[{"code":"w01008","field":"SampleTime","value":"20231008123340","flag":null},{"code":"w01008","field":"Rtd","value":"123.456","flag":null}]""",
            Run(Hj212Decoder.Run, SampleTime).Output,
            StringComparison.Ordinal);

    [Fact]
    public void Decode_CrcMismatch_ReportsErrorAndStillFillsFields() =>
        Assert.StartsWith(
            """{"ok":false,"error":"CrcMismatch","crcValid":false,"version":"2017","qn":"20190901181526940","st":"32","cn":"2011","pw":"123456","mn":"Y80110010000010","flag":4,""",
            Run(Hj212Decoder.Run, BadCrc).Output,
            StringComparison.Ordinal);

    [Fact]
    public void Decode_BadLength_HasNullCrcValidAndFields() =>
        Assert.Equal(
            """{"ok":false,"error":"BadLength","crcValid":null,"version":null,"qn":null,"st":null,"cn":null,"pw":null,"mn":null,"flag":null,"pnum":null,"pno":null,"dataTime":null,"values":[]}""" + "\n",
            Run(Hj212Decoder.Run, "##00x4ABCD1234").Output);

    [Fact]
    public void Decode_LineEndingsAndBlankLines_OneObjectPerFrame()
    {
        string output = Run(Hj212Decoder.Run, $"{RequestResponse}\r\n\r\n{RequestResponse}\n\n{RequestResponse}").Output;

        Assert.Equal(3, Lines(output).Length);
        Assert.All(Lines(output), line => Assert.StartsWith("""{"ok":true,""", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_PacketsWithout2017Flag_ReportsPnumPno() =>
        Assert.Contains(""","version":"2005","qn":"20191112091100598","st":"31","cn":"2051","pw":"123456","mn":"14513567846884","flag":null,"pnum":2,"pno":2,""", Run(Hj212Decoder.Run, Packets2005).Output, StringComparison.Ordinal);

    // Decode output is lossy for plain CP keys other than DataTime, PNUM/PNO text and header order (docs/cli.md),
    // so only frames in the standard layout round-trip exactly.
    [Theory]
    [InlineData(SampleTime)]
    [InlineData(Minute)]
    [InlineData(BadCrc)]
    public void Encode_DecodedLine_ReproducesFrame(string frame)
    {
        string json = Run(Hj212Decoder.Run, frame).Output;

        (int exitCode, string output, string error) = Run(Hj212Encoder.Run, json);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal(frame[..^4], output[..^6]);
    }

    [Fact]
    public void Encode_VerbatimCp_IsWrittenAsGiven()
    {
        string output = Run(Hj212Encoder.Run, """{"qn":"20210407112025762","st":"91","cn":"9014","pw":"123456","mn":"M1","flag":4,"cp":[[{"key":"QN","value":"1"},{"key":"CN","value":"2011"}],[{"key":"ExeRtn","value":1}]]}""").Output;

        Assert.StartsWith("##0086QN=20210407112025762;ST=91;CN=9014;PW=123456;MN=M1;Flag=4;CP=&&QN=1,CN=2011;ExeRtn=1&&", output, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_GbkOption_EncodesChineseAsGbk()
    {
        using MemoryStream output = new();
        using MemoryStream input = new(Encoding.UTF8.GetBytes("""{"st":"32","cn":"3020","pw":"1","mn":"站点","cp":[[{"key":"i1-Info","value":"故障"}]]}"""));
        Encoding gbk = Hj212TextEncodings.Get("gbk");

        Hj212Encoder.Run(input, output, TextWriter.Null, gbk);

        Assert.True(output.ToArray().AsSpan().IndexOf(gbk.GetBytes("MN=站点;")) > 0);
    }

    [Fact]
    public void Encode_InvalidLines_ReportLineNumberAndExitCode1()
    {
        (int exitCode, string output, string error) = Run(Hj212Encoder.Run, "not json\n{\"cn\":\"2011\",\"mn\":\"M\",\"cp\":[[{\"key\":\"a;b\",\"value\":\"1\"}]]}\n{\"cn\":\"2011\",\"mn\":\"M\"}\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1:", error, StringComparison.Ordinal);
        Assert.Contains("line 2:", error, StringComparison.Ordinal);
        Assert.StartsWith("##0020CN=2011;MN=M;CP=&&&&", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decode", "--encoding", "latin1")]
    [InlineData("encode", "a.txt", "b.txt")]
    public void Command_BadArguments_AreParseErrors(params string[] args) =>
        Assert.NotEmpty(Hj212Command.Create().Parse(args).Errors);

    [Theory]
    [InlineData("decode")]
    [InlineData("encode", "frames.jsonl", "--encoding", "gbk")]
    public void Command_GoodArguments_Parse(params string[] args) =>
        Assert.Empty(Hj212Command.Create().Parse(args).Errors);
}
