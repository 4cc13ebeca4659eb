using EcoMonitor.Application.Access;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class AccessScopeTests
{
    private static Station At(string mn, string region, string? enterprise = null) => new()
    {
        Id = StationId.Parse(mn), Name = mn, Type = StationType.FlueGasOutlet, Region = RegionCode.Parse(region), Enterprise = enterprise,
        Password = StationPassword.Plain("pw123456"),
    };

    [Theory]
    [InlineData("510104", "510104", true)]
    [InlineData("510104", "510106", false)]
    [InlineData("510100", "510106", true)]
    [InlineData("510100", "511002", false)]
    [InlineData("510000", "511002", true)]
    [InlineData("510000", "500101", false)]
    [InlineData("100000", "500101", true)]
    [InlineData("100000", "220103", true)]
    public void AJurisdiction_CoversItsOwnDivisions_AndNoOthers(string jurisdiction, string station, bool covered) =>
        Assert.Equal(covered, AccessScope.Of(RegionCode.Parse(jurisdiction), null).Covers(At("OUT0000001", station)));

    [Fact]
    public void AnEnterpriseUser_SeesOnlyItsEnterprisesOutlets_WithinItsJurisdiction()
    {
        var jia = AccessScope.Of(RegionCode.Parse("510104"), " 甲企业 ");

        Assert.True(jia.Covers(At("OUT0000001", "510104", "甲企业")));
        Assert.False(jia.Covers(At("OUT0000002", "510104", "乙企业")));
        Assert.False(jia.Covers(At("OUT0000003", "510104")));
        Assert.False(jia.Covers(At("OUT0000004", "510106", "甲企业")));
        Assert.False(jia.IsEverything);
        Assert.Equal("510104", jia.RegionPrefix);
    }

    [Fact]
    public void AlarmsByTheirRegionText_AreCoveredLikeStations_AndThoseOfNoRegion_OnlyByEverything()
    {
        var chengdu = AccessScope.Of(RegionCode.Parse("510100"), null);

        Assert.True(chengdu.Covers("510104", null));
        Assert.True(chengdu.Covers("510100", null));
        Assert.False(chengdu.Covers("510000", null));
        Assert.False(chengdu.Covers("", null));
        Assert.False(chengdu.Covers(null, null));
        Assert.True(AccessScope.Everything.Covers("", null));
        Assert.True(AccessScope.Of(RegionCode.Nation, null).Covers("", null));
        Assert.False(AccessScope.Nothing.Covers("510104", null));
    }

    [Fact]
    public void TheStorePrefixes_SayWhatAStoreMustMatch()
    {
        Assert.Equal("51", AccessScope.Of(RegionCode.Parse("510000"), null).RegionPrefix);
        Assert.Equal("5101", AccessScope.Of(RegionCode.Parse("510100"), null).RegionPrefix);
        Assert.Null(AccessScope.Of(RegionCode.Nation, null).RegionPrefix);
        Assert.Null(AccessScope.Everything.RegionPrefix);
        Assert.True(AccessScope.Of(RegionCode.Nation, null).IsEverything);
        Assert.False(AccessScope.Of(RegionCode.Nation, "甲企业").IsEverything);
        Assert.False(AccessScope.Nothing.IsEverything);
        Assert.DoesNotMatch("^[0-9]", AccessScope.Nothing.RegionPrefix!);
    }

    [Fact]
    public void Filter_KeepsTheRegistrysOrder_AndNothingOutside()
    {
        Station[] stations = [At("OUT0000001", "510106"), At("OUT0000002", "510104"), At("OUT0000003", "510104")];

        Assert.Equal(["OUT0000002", "OUT0000003"], AccessScope.Of(RegionCode.Parse("510104"), null).Filter(stations).Select(s => s.Id.Value));
        Assert.Same(stations, AccessScope.Everything.Filter(stations));
        Assert.Empty(AccessScope.Nothing.Filter(stations));
    }
}
