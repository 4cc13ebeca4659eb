using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Registry;

[Trait("Area", "Spine")]
public sealed class ParameterCatalogTests
{
    private static ParameterCatalogLoadResult LoadShipped()
    {
        using FileStream stream = RepoFiles.Open("config/parameters.json");
        return ParameterCatalog.Load(stream);
    }

    [Fact]
    public void Load_ShippedFile_HasNoErrorsAndAmbientUnits()
    {
        ParameterCatalogLoadResult result = LoadShipped();

        Assert.Empty(result.Errors);
        Assert.Equal(57, result.Catalog.All.Count);
        Assert.True(result.Catalog.TryGet(ParameterCode.Parse("a34004"), out Parameter pm25));
        Assert.Equal("µg/m³", pm25.Unit);
        Assert.Equal("细颗粒物", pm25.NameZh);
        Assert.True(result.Catalog.TryGet(ParameterCode.Parse("a21005"), out Parameter co));
        Assert.Equal("mg/m³", co.Unit);
        Assert.Equal(1, co.Decimals);
        Assert.True(result.Catalog.TryGet(ParameterCode.Parse("w01001"), out Parameter ph));
        Assert.Equal(string.Empty, ph.Unit);
        Assert.Equal("normal", result.Catalog.DataFlags["N"]);
    }

    [Fact]
    public void TryMapHj2005_CodCode011_MapsToW01018()
    {
        ParameterCatalog catalog = LoadShipped().Catalog;

        Assert.True(catalog.TryMapHj2005("011", out ParameterCode cod));
        Assert.Equal("w01018", cod.Value);
        Assert.True(catalog.TryMapHj2005("060", out ParameterCode ammonia));
        Assert.Equal("w21003", ammonia.Value);
        Assert.False(catalog.TryMapHj2005("999", out _));
    }

    [Fact]
    public void Load_BrokenEntries_ReportsEachAndKeepsGoodOnes()
    {
        const string json = """
            { "parameters": [
              { "code": "a34004", "nameZh": "细颗粒物", "nameEn": "PM2.5", "unit": "µg/m³", "decimals": 0, "medium": "air" },
              { "code": "bad code", "nameZh": "x", "nameEn": "x", "unit": "", "medium": "air" },
              { "code": "w01018", "nameZh": "化学需氧量", "nameEn": "COD", "unit": "mg/L", "medium": "sea" },
              { "code": "a34004", "nameZh": "细颗粒物", "nameEn": "PM2.5", "unit": "µg/m³", "medium": "air" },
              { "code": "w21003", "nameZh": "氨氮", "nameEn": "NH3-N", "unit": "mg/L", "medium": "water", "hj2005Code": "060" }
            ] }
            """;

        ParameterCatalogLoadResult result = ParameterCatalog.Load(Some.Utf8(json));

        Assert.Equal(["a34004", "w21003"], result.Catalog.All.Select(p => p.Code.Value));
        Assert.Collection(result.Errors,
            e => Assert.Equal((1, "code"), (e.Index, e.Field)),
            e => Assert.Equal((2, "w01018", "medium"), (e.Index, e.Key, e.Field)),
            e => Assert.Equal((3, "code"), (e.Index, e.Field)));
    }

    [Fact]
    public void Load_NotJson_ReportsDocumentError()
    {
        ParameterCatalogLoadResult result = ParameterCatalog.Load(Some.Utf8("{ parameters: "));

        RegistryEntryError error = Assert.Single(result.Errors);
        Assert.Equal(-1, error.Index);
        Assert.Empty(result.Catalog.All);
    }
}
