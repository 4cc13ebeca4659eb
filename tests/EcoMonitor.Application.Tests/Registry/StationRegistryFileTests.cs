using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Registry;

[Trait("Area", "Spine")]
public sealed class StationRegistryFileTests
{
    private const string Broken = """
        { "stations": [
          { "mn": "1431A", "name": "金泉两河", "type": "airQuality", "region": "510106", "controlLevel": "国控", "password": "123456" },
          { "mn": "bad mn;", "name": "x", "type": "airQuality", "region": "510106", "password": "pw1111" },
          { "mn": "1432A", "name": "十里店", "type": "airQuality", "region": "51010", "password": "pw1111" },
          { "mn": "1433A", "name": "三瓦窑", "type": "volcano", "region": "510107", "password": "pw1111" },
          { "mn": "1434A", "name": "沙河铺", "type": "airQuality", "region": "510108", "password": "pw1111" },
          { "mn": "1434A", "name": "沙河铺2", "type": "airQuality", "region": "510108", "password": "pw2222" },
          { "mn": "1435A", "name": "梁家巷", "type": "airQuality", "region": "510106", "password": "pw1111", "waterTargetClass": "III" },
          { "mn": "W01", "name": "二江寺", "type": "surfaceWater", "region": "510000", "password": "pw1111", "waterTargetClass": "Ⅲ", "longitude": 104.1, "latitude": 30.5 },
          { "mn": "N01", "name": "噪声站", "type": "noise", "region": "510104", "password": "pw1111", "noiseZone": "4A", "encoding": "gbk" }
        ] }
        """;

    [Fact]
    public void Parse_BrokenEntries_ReportsEachWithIndexMnFieldAndKeepsGoodOnes()
    {
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8(Broken), RegionCatalog.Shipped);

        Assert.Equal(["1431A", "W01", "N01"], result.Stations.Select(s => s.Id.Value));
        Assert.Collection(result.Errors,
            e => Assert.Equal((1, "bad mn;", "mn"), (e.Index, e.Key, e.Field)),
            e => Assert.Equal((2, "1432A", "region"), (e.Index, e.Key, e.Field)),
            e => Assert.Equal((3, "1433A", "type"), (e.Index, e.Key, e.Field)),
            e => Assert.Equal((4, "1434A", "mn"), (e.Index, e.Key, e.Field)),
            e => Assert.Equal((5, "1434A", "mn"), (e.Index, e.Key, e.Field)),
            e => Assert.Equal((6, "1435A", "waterTargetClass"), (e.Index, e.Key, e.Field)));
        Assert.Contains("行政区划代码", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("entry 5", result.Errors[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadableEnumValues_MapToDomain()
    {
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8(Broken), RegionCatalog.Shipped);

        Station air = result.Stations[0];
        Assert.Equal(ControlLevel.National, air.ControlLevel);
        Assert.Null(air.Location);
        Station water = result.Stations[1];
        Assert.Equal(3, water.WaterTargetClass);
        Assert.Equal(new GeoPoint(104.1, 30.5), water.Location);
        Station noise = result.Stations[2];
        Assert.Equal("4a", noise.NoiseZone);
        Assert.Equal(TextEncoding.Gbk, noise.Encoding);
        Assert.Equal(ControlLevel.City, noise.ControlLevel);
    }

    [Fact]
    public void Parse_WaterBody_OnSectionsOnly_ReadableNames()
    {
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8("""
            { "stations": [
              { "mn": "W01", "name": "花鱼洞", "type": "surfaceWater", "region": "520100", "password": "pw1111", "waterBody": "湖泊" },
              { "mn": "W02", "name": "新立城大坝", "type": "surfaceWater", "region": "220100", "password": "pw1111", "waterBody": "Reservoir" },
              { "mn": "W03", "name": "x", "type": "surfaceWater", "region": "220100", "password": "pw1111", "waterBody": "sea" },
              { "mn": "A01", "name": "y", "type": "airQuality", "region": "220100", "password": "pw1111", "waterBody": "river" }
            ] }
            """), RegionCatalog.Shipped);

        Assert.Equal([WaterBodyType.Lake, WaterBodyType.Reservoir], result.Stations.Select(s => s.WaterBody));
        Assert.Equal([("W03", "waterBody"), ("A01", "waterBody")], result.Errors.Select(e => (e.Key, e.Field)));
        Assert.Contains("surface-water", result.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Area", "Standards")]
    public void Parse_DrinkingWaterSource_OnSectionsOnly_TrueOrFalse_AndWrittenBack()
    {
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8("""
            { "stations": [
              { "mn": "W01", "name": "水源一", "type": "surfaceWater", "region": "520100", "password": "pw1111", "drinkingWaterSource": true },
              { "mn": "W02", "name": "断面二", "type": "surfaceWater", "region": "520100", "password": "pw1111", "drinkingWaterSource": false },
              { "mn": "W03", "name": "断面三", "type": "surfaceWater", "region": "520100", "password": "pw1111" },
              { "mn": "W04", "name": "x", "type": "surfaceWater", "region": "520100", "password": "pw1111", "drinkingWaterSource": "yes" },
              { "mn": "G01", "name": "y", "type": "groundwater", "region": "520100", "password": "pw1111", "drinkingWaterSource": true }
            ] }
            """), RegionCatalog.Shipped);
        using var buffer = new MemoryStream();
        StationRegistryFile.Write(buffer, result.Stations);
        buffer.Position = 0;

        Assert.Equal([true, false, false], result.Stations.Select(s => s.IsDrinkingWaterSource));
        Assert.Equal([("W04", "drinkingWaterSource"), ("G01", "drinkingWaterSource")], result.Errors.Select(e => (e.Key, e.Field)));
        Assert.Equal("must be true or false", result.Errors[0].Reason);
        Assert.Contains("only surface-water sections", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal(result.Stations, StationRegistryFile.Parse(buffer, RegionCatalog.Shipped).Stations);
    }

    [Fact]
    [Trait("Area", "Reports")]
    public void Parse_BasinAndWaterBodyName_OnSectionsOnly_AtMost32Characters_AndWrittenBack()
    {
        string longName = new('河', Station.MaxWaterNameLength + 1);
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8($$"""
            { "stations": [
              { "mn": "W01", "name": "花鱼洞", "type": "surfaceWater", "waterBody": "lake", "basin": "长江流域", "waterBodyName": "红枫湖", "region": "520100", "password": "pw1111" },
              { "mn": "W02", "name": "断面二", "type": "surfaceWater", "region": "520100", "password": "pw1111" },
              { "mn": "W03", "name": "断面三", "type": "surfaceWater", "basin": "{{longName}}", "region": "520100", "password": "pw1111" },
              { "mn": "A01", "name": "空气站", "type": "airQuality", "waterBodyName": "红枫湖", "region": "520100", "password": "pw1111" }
            ] }
            """), RegionCatalog.Shipped);
        using var buffer = new MemoryStream();
        StationRegistryFile.Write(buffer, result.Stations);
        buffer.Position = 0;

        Assert.Equal([("长江流域", "红枫湖"), (null, null)], result.Stations.Select(s => (s.Basin, s.WaterBodyName)));
        Assert.Equal([("W03", "basin"), ("A01", "waterBodyName")], result.Errors.Select(e => (e.Key, e.Field)));
        Assert.Contains("at most 32", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(result.Stations, StationRegistryFile.Parse(buffer, RegionCatalog.Shipped).Stations);
    }

    [Fact]
    public void Parse_ShippedSampleNetwork_Has199AirStationsAndNoErrors()
    {
        using FileStream stream = RepoFiles.Open("samples/network/stations.json");

        StationRegistryParseResult result = StationRegistryFile.Parse(stream, RegionCatalog.Shipped);

        Assert.Empty(result.Errors);
        Assert.Equal(199, result.Stations.Count(s => s.Type == StationType.AirQuality));
        Assert.Equal(20, result.Stations.Count(s => s.Type == StationType.SurfaceWater));
        Station jinquan = result.Stations.Single(s => s.Id.Value == "1431A");
        Assert.Equal("金泉两河", jinquan.Name);
        Assert.Equal(ControlLevel.National, jinquan.ControlLevel);
        Assert.True(RegionCode.Parse("510100").Contains(jinquan.Region));
    }

    [Fact]
    [Trait("Area", "Quality")]
    public void Parse_ReportingInterval_DividesADay_DefaultHourly_RoundTrips()
    {
        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8("""
            { "stations": [
              { "mn": "W01", "name": "花鱼洞", "type": "surfaceWater", "region": "520100", "password": "pw1111", "reportingIntervalHours": 4 },
              { "mn": "A01", "name": "y", "type": "airQuality", "region": "220100", "password": "pw1111" },
              { "mn": "W02", "name": "x", "type": "surfaceWater", "region": "220100", "password": "pw1111", "reportingIntervalHours": 5 },
              { "mn": "W03", "name": "z", "type": "surfaceWater", "region": "220100", "password": "pw1111", "reportingIntervalHours": "4h" }
            ] }
            """), RegionCatalog.Shipped);

        Assert.Equal([4, 1], result.Stations.Select(s => s.ReportingIntervalHours));
        Assert.Equal([("W02", "reportingIntervalHours"), ("W03", "reportingIntervalHours")], result.Errors.Select(e => (e.Key, e.Field)));
        Assert.Contains("'5' is not a reporting interval; write a whole number of hours that divides a day: 1, 2, 3, 4, 6, 8, 12 or 24", result.Errors[0].Reason, StringComparison.Ordinal);

        using var buffer = new MemoryStream();
        StationRegistryFile.Write(buffer, result.Stations);
        buffer.Position = 0;
        Assert.Equal(result.Stations.OrderBy(s => s.Id.Value, StringComparer.Ordinal), StationRegistryFile.Parse(buffer, RegionCatalog.Shipped).Stations);
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameStations()
    {
        StationRegistryParseResult original = StationRegistryFile.Parse(Some.Utf8(Broken), RegionCatalog.Shipped);
        using var buffer = new MemoryStream();

        StationRegistryFile.Write(buffer, original.Stations);
        buffer.Position = 0;
        StationRegistryParseResult again = StationRegistryFile.Parse(buffer, RegionCatalog.Shipped);

        Assert.Empty(again.Errors);
        Assert.Equal(original.Stations.OrderBy(s => s.Id.Value, StringComparer.Ordinal), again.Stations);
    }

    [Fact]
    public void Parse_UnknownFieldAndMissingPassword_AreErrors()
    {
        const string json = """{ "stations": [ { "mn": "1431A", "name": "a", "type": "airQuality", "regoin": "510106" } ] }""";

        StationRegistryParseResult result = StationRegistryFile.Parse(Some.Utf8(json), RegionCatalog.Shipped);

        Assert.Empty(result.Stations);
        Assert.Equal(["regoin", "password", "region"], result.Errors.Select(e => e.Field));
    }
}
