using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Storage.Transfer;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Storage;

[Trait("Area", "Security")]
public sealed class FramePasswordTests
{
    [Theory]
    [InlineData("##0101QN=20260101000000000;ST=22;CN=2011;PW=123456;MN=1001A;Flag=5;CP=&&DataTime=20260101000000;a34004-Rtd=12&&1C80\r\n",
        "##0101QN=20260101000000000;ST=22;CN=2011;PW=******;MN=1001A;Flag=5;CP=&&DataTime=20260101000000;a34004-Rtd=12&&1C80\r\n")]
    [InlineData("##0050PW=ab;c;MN=1;CP=&&&&ABCD\r\n", "##0050PW=**;c;MN=1;CP=&&&&ABCD\r\n")]
    [InlineData("##0080QN=1;CN=1072;PW=old;MN=1;CP=&&NewPW=s3cret&&ABCD\r\n", "##0080QN=1;CN=1072;PW=***;MN=1;CP=&&NewPW=******&&ABCD\r\n")]
    [InlineData("##0060ST=21;PW=123456", "##0060ST=21;PW=******")]
    [InlineData("##0050QN=1;MN=XPW=1;CP=&&a-PW=5&&ABCD\r\n", "##0050QN=1;MN=XPW=1;CP=&&a-PW=5&&ABCD\r\n")]
    [InlineData("PW=", "PW=")]
    [InlineData("", "")]
    public void MaskInPlace_MasksThePasswordValues_AndNothingElse(string frame, string expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(frame);

        int masked = FramePassword.MaskInPlace(bytes);

        Assert.Equal(expected, Encoding.ASCII.GetString(bytes));
        Assert.Equal(expected.Count(c => c == '*') - frame.Count(c => c == '*'), masked);
    }

    [Fact]
    public void Masked_LeavesTheInputAlone()
    {
        byte[] original = Encoding.ASCII.GetBytes("##0030QN=1;PW=123456;MN=1;CP=&&&&");

        byte[] copy = FramePassword.Masked(original);

        Assert.Contains("PW=123456", Encoding.ASCII.GetString(original), StringComparison.Ordinal);
        Assert.Contains("PW=******", Encoding.ASCII.GetString(copy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TextEncoding.Utf8)]
    [InlineData(TextEncoding.Gbk)]
    public void RawFrameText_NeverShowsThePassword_OfAFrameStoredUnmasked(TextEncoding encoding)
    {
        byte[] stored = Encoding.ASCII.GetBytes("##0070QN=1;ST=22;CN=2011;PW=9BN7nLyJ;MN=1431A;CP=&&a34004-Rtd=12&&ABCD\r\n");

        DecodedFrameText text = RawFrameText.Decode(stored, encoding);

        Assert.Contains("PW=********;MN=1431A", text.Text, StringComparison.Ordinal);
        Assert.Contains("PW=9BN7nLyJ", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void MigrateCopies_FramesMasked_OtherTablesAsTheyAre()
    {
        byte[] frame = Encoding.ASCII.GetBytes("##0030QN=1;PW=123456;MN=1;CP=&&&&");
        object?[] frameRow = [.. TransferTables.Of(TransferTables.Frames).Columns.Select(c => c.Name == "bytes" ? (object)frame : null)];
        object?[] stationRow = [.. TransferTables.Of(TransferTables.Stations).Columns.Select(c => c.Name == "password" ? (object)"PW=123456;" : null)];

        TransferTables.MaskPasswords(TransferTables.Frames, [frameRow]);
        TransferTables.MaskPasswords(TransferTables.Stations, [stationRow]);

        Assert.Equal("##0030QN=1;PW=******;MN=1;CP=&&&&", Encoding.ASCII.GetString(frame));
        Assert.Contains<object?>("PW=123456;", stationRow);
    }
}
