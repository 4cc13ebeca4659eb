using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Registry;

/// <summary>Registry entries are checked at the door: lengths, characters, GB/T 2260 codes, passwords, duplicates.</summary>
[Trait("Area", "Security")]
public sealed class RegistryInputLimitTests
{
    [Theory]
    [InlineData("510106")]
    [InlineData("510100")]
    [InlineData("510000")]
    [InlineData("130102")]
    [InlineData("500101")]
    public void ShippedList_AcceptsListedCodes_AndCountiesOfPrefecturesWithoutACountyList(string code) =>
        Assert.Null(RegionCatalog.Shipped.Problem(RegionCode.Parse(code)));

    [Theory]
    [InlineData("999999", "province 99 does not exist")]
    [InlineData("519900", "there is no prefecture 519900")]
    [InlineData("510199", "510100 成都市 has no county 510199")]
    public void ShippedList_RefusesCodesThatDoNotExist_WithTheReason(string code, string reason)
    {
        string? problem = RegionCatalog.Shipped.Problem(RegionCode.Parse(code));

        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.Contains("Registry:ExtraRegionCodes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraCodes_AreAccepted()
    {
        RegionCatalog catalog = RegionCatalog.Shipped.With(["510118"]);

        Assert.Null(catalog.Problem(RegionCode.Parse("510118")));
        Assert.NotNull(RegionCatalog.Shipped.Problem(RegionCode.Parse("510118")));
        Assert.Throws<ArgumentException>(() => RegionCatalog.Shipped.With(["51011"]));
    }

    [Fact]
    public void Entries_BeyondTheLimits_AreRefusedPerField_WithShortReasons_TheGoodOnesKept()
    {
        string huge = new('x', 1_000_000);
        string json = $$"""
            { "stations": [
              { "mn": "GOOD01", "name": "好站", "type": "airQuality", "region": "510106", "password": "9BN7nLyJ" },
              { "mn": "LONG01", "name": "{{huge}}", "type": "airQuality", "region": "510106", "password": "9BN7nLyJ" },
              { "mn": "CTRL01", "name": "两行\n名字", "type": "airQuality", "region": "510106", "password": "9BN7nLyJ" },
              { "mn": "REGN01", "name": "站", "type": "airQuality", "region": "999999", "password": "9BN7nLyJ" },
              { "mn": "PASS01", "name": "站", "type": "airQuality", "region": "510106", "password": "a;b&&c" },
              { "mn": "ENTR01", "name": "站", "type": "flueGasOutlet", "region": "510106", "password": "9BN7nLyJ", "enterprise": "{{new string('企', 201)}}" },
              { "mn": "{{huge}}", "name": "站", "type": "{{huge}}", "region": "510106", "password": "9BN7nLyJ" }
            ] }
            """;

        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8(json), RegionCatalog.Shipped);

        Assert.Equal(["GOOD01"], result.Stations.Select(s => s.Id.Value));
        Assert.Equal(
            [(1, "name"), (2, "name"), (3, "region"), (4, "password"), (5, "enterprise"), (6, "mn"), (6, "type")],
            result.Errors.Select(e => (e.Index, e.Field)));
        Assert.Contains("at most 100", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("control characters", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.True(e.Reason.Length < 300 && (e.Key?.Length ?? 0) <= StationEntryReader.QuotedLength + 1, e.Reason));
    }
}
