using EcoMonitor.Web.Api.Portal;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>The cells of the CSV downloads (<see cref="CsvCell"/>): text a spreadsheet could run as a formula is neutralised, numbers stay numbers.</summary>
[Trait("Area", "Security")]
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("-cmd|' /C calc'!A0", "\"'-cmd|' /C calc'!A0\"")]
    [InlineData("-1.5", "\"'-1.5\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("\n=1", "\"'\n=1\"")]
    [InlineData("＝1+1", "\"'＝1+1\"")]
    [InlineData("－1", "\"'－1\"")]
    public void Text_StartingAsAFormula_IsNeutralisedAndQuoted(string value, string cell) => Assert.Equal(cell, CsvCell.Text(value));

    [Theory]
    [InlineData("长春市监测站", "长春市监测站")]
    [InlineData("1431A", "1431A")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a-b=c", "a-b=c")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_Otherwise_IsAsItIsOrQuotedPerRfc4180(string? value, string cell) => Assert.Equal(cell, CsvCell.Text(value));

    [Fact]
    public void Number_Negative_StaysANumber()
    {
        Assert.Equal("-1.5", CsvCell.Number(-1.5m));
        Assert.Equal("-3", CsvCell.Number(-3));
        Assert.Equal("0.001", CsvCell.Number(0.001m));
        Assert.Equal("", CsvCell.Number((decimal?)null));
    }
}
