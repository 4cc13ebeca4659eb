namespace EcoMonitor.Domain.Tests;

[Trait("Area", "Spine")]
public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("510104")]
    [InlineData("110000")]
    public void TryParse_SixDigits_Succeeds(string text) => Assert.True(RegionCode.TryParse(text, out _));

    [Theory]
    [InlineData("51010")]
    [InlineData("5101045")]
    [InlineData("51x104")]
    [InlineData("010104")]
    public void TryParse_NotAnAdministrativeCode_Fails(string text) => Assert.False(RegionCode.TryParse(text, out _));

    [Fact]
    public void ProvinceAndPrefecture_AreDerivedFromTheDigits()
    {
        var county = RegionCode.Parse("510104");

        Assert.Equal("510000", county.Province.Value);
        Assert.Equal("510100", county.Prefecture.Value);
        Assert.True(county.Province.Contains(county));
        Assert.True(county.Prefecture.Contains(county));
        Assert.False(RegionCode.Parse("500100").Contains(county));
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithStableCode()
    {
        DomainValidationException error = Assert.Throws<DomainValidationException>(() => RegionCode.Parse("abc"));
        Assert.Equal("region_code.invalid", error.Code);
    }

    [Fact]
    public void TheNation_ContainsEveryRegion_AndEachLevelHasItsPrefix()
    {
        Assert.True(RegionCode.Nation.Contains(RegionCode.Parse("220103")));
        Assert.True(RegionCode.Nation.Contains(RegionCode.Parse("500000")));
        Assert.False(RegionCode.Parse("510000").Contains(RegionCode.Nation));
        Assert.Equal(("", "51", "5101", "510104"), (RegionCode.Nation.Prefix, RegionCode.Parse("510000").Prefix, RegionCode.Parse("510100").Prefix, RegionCode.Parse("510104").Prefix));
    }
}
