using System.Text;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Foundation")]
public sealed class PermitLimitFileTests
{
    [Fact]
    public void ShippedSampleFile_ReadsTheDemonstrationOutletsLimits()
    {
        List<string> errors = [];

        IReadOnlyList<PermitLimit> limits = PermitLimitFile.Parse(File.ReadAllBytes(RepoFiles.Path("samples/network/permit-limits.json")), errors);

        Assert.Empty(errors);
        Assert.Equal(
            [("DEMOFG0001", "a21002", 50m), ("DEMOFG0001", "a21026", 35m)],
            limits.Select(l => (l.Station.Value, l.Parameter.Value, l.Limit)).Order().ToArray());
        Assert.All(limits, l => Assert.Contains("非真实", l.PermitNumber, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BrokenEntries_AreReportedAndLeftOut_TheGoodOnesKept()
    {
        const string json = """
            // comments and trailing commas, as operators write them
            { "permitLimits": [
              { "station": "OUT001", "parameter": "a21026", "limit": 35, "permitNumber": "P-1" },
              { "station": "OUT 001", "parameter": "a21026", "limit": 35 },
              { "station": "OUT001", "parameter": "SO2-Rtd", "limit": 35 },
              { "station": "OUT001", "parameter": "a21002", "limit": 0 },
              { "station": "OUT001", "parameter": "a21026", "limit": 40 },
              { "station": "OUT002", "parameter": "w01018", "limit": 60 },
            ] }
            """;
        List<string> errors = [];

        IReadOnlyList<PermitLimit> limits = PermitLimitFile.Parse(Encoding.UTF8.GetBytes(json), errors);

        Assert.Equal(
            [new PermitLimit(StationId.Parse("OUT001"), ParameterCode.Parse("a21026"), 35m, "P-1"), new PermitLimit(StationId.Parse("OUT002"), ParameterCode.Parse("w01018"), 60m, "")],
            limits);
        Assert.Equal(
            ["permitLimits[1]: station: not an MN", "permitLimits[2]: OUT001 parameter: not an HJ 212 parameter code",
             "permitLimits[3]: OUT001 a21002 limit: must be a positive number", "permitLimits[4]: OUT001 a21026 is given twice"],
            errors);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{ "limits": [] }""", "no 'permitLimits' array")]
    public void Parse_NoDocument_GivesOneErrorAndNoLimits(string json, string error)
    {
        List<string> errors = [];

        Assert.Empty(PermitLimitFile.Parse(Encoding.UTF8.GetBytes(json), errors));
        Assert.StartsWith(error, Assert.Single(errors), StringComparison.Ordinal);
    }
}
