using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Registry;

/// <summary>The <c>networks</c> field of the registry file (docs/registry.md, ADR 0037).</summary>
[Trait("Area", "Reports")]
public sealed class StationNetworksFileTests
{
    private const string File = """
        { "stations": [
          { "mn": "A01", "name": "国控省控", "type": "airQuality", "region": "510104", "controlLevel": "national", "networks": ["national", "省控"], "password": "pw1111" },
          { "mn": "A02", "name": "微站", "type": "airQuality", "region": "510104", "controlLevel": "city", "networks": ["微站"], "password": "pw1111" },
          { "mn": "A03", "name": "对照点", "type": "airQuality", "region": "510104", "networks": ["BACKGROUND", "research"], "password": "pw1111" },
          { "mn": "A04", "name": "省控默认", "type": "airQuality", "region": "510104", "controlLevel": "省控", "password": "pw1111" },
          { "mn": "A05", "name": "默认", "type": "airQuality", "region": "510104", "password": "pw1111" },
          { "mn": "A06", "name": "无网络", "type": "airQuality", "region": "510104", "networks": [], "password": "pw1111" },
          { "mn": "B01", "name": "错网络", "type": "airQuality", "region": "510104", "networks": ["satellite"], "password": "pw1111" },
          { "mn": "B02", "name": "非数组", "type": "airQuality", "region": "510104", "networks": "national", "password": "pw1111" }
        ] }
        """;

    [Fact]
    public void Parse_NamesInEnglishOrChinese_DefaultFromControlLevel_UnknownRefused()
    {
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8(File), RegionCatalog.Shipped);

        Assert.Equal(
        [
            AssessmentNetworks.National | AssessmentNetworks.Provincial, AssessmentNetworks.Sensor,
            AssessmentNetworks.Background | AssessmentNetworks.Research, AssessmentNetworks.Provincial, AssessmentNetworks.City,
            AssessmentNetworks.None,
        ], result.Stations.Select(s => s.Networks));
        Assert.Equal([("B01", "networks"), ("B02", "networks")], result.Errors.Select(e => (e.Key, e.Field)));
        Assert.Contains("'satellite' is not one of national, provincial, city, county, background, sensor, research", result.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenParse_KeepsTheNetworks_EvenNone()
    {
        StationRegistryParseResult original = StationRegistryFile.Parse(Some.Utf8(File), RegionCatalog.Shipped);
        using var buffer = new MemoryStream();

        StationRegistryFile.Write(buffer, original.Stations);
        buffer.Position = 0;
        StationRegistryParseResult again = StationRegistryFile.Parse(buffer, RegionCatalog.Shipped);

        Assert.Empty(again.Errors);
        Assert.Equal(original.Stations.OrderBy(s => s.Id.Value, StringComparer.Ordinal), again.Stations);
        Assert.Equal(AssessmentNetworks.None, again.Stations.Single(s => s.Id.Value == "A06").Networks);
    }
}
