using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using static EcoMonitor.Application.Tests.Alarms.AlarmSome;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Alarms")]
public sealed class AlarmRuleIndexTests
{
    private static readonly ParameterCode So2 = ParameterCode.Parse("a21026");

    [Fact]
    public void Match_ByStationTypeRegionAndParameter()
    {
        AlarmRule any = Exceedance(id: "any");
        AlarmRule outlets = Exceedance(id: "outlets") with { StationType = StationType.FlueGasOutlet };
        AlarmRule otherCity = Exceedance(id: "other-city") with { Region = RegionCode.Parse("320100") };
        AlarmRule myCity = Exceedance(id: "my-city") with { Region = RegionCode.Parse("510100") };
        AlarmRule oneStation = Exceedance(id: "one") with { Station = StationId.Parse("OUT002") };
        AlarmRule otherParameter = Exceedance(id: "no2") with { Parameter = ParameterCode.Parse("a21004") };
        AlarmRule disabled = Exceedance(id: "off") with { IsEnabled = false };
        AlarmRuleIndex index = new([any, outlets, otherCity, myCity, oneStation, otherParameter, disabled]);

        AlarmRule[] matched = index.Match(Outlet(), So2, ObservationInterval.Hour);

        Assert.Equal(["any", "outlets", "my-city"], matched.Select(r => r.Id));
        Assert.Empty(index.Match(Outlet(), So2, ObservationInterval.Minute));
    }

    [Fact]
    public void Match_StationMovedToAnotherRegion_IsRecomputed()
    {
        AlarmRuleIndex index = new([Exceedance(id: "my-city") with { Region = RegionCode.Parse("510100") }]);
        Assert.Single(index.Match(Outlet(), So2, ObservationInterval.Hour));

        Assert.Empty(index.Match(Outlet(region: "320102"), So2, ObservationInterval.Hour));
    }

    [Fact]
    public void TimerRules_AreNotMatchedPerObservation()
    {
        AlarmRule silence = new() { Id = "silent", Name = "silent", Kind = AlarmRuleKind.Silence, SilentMinutes = 30 };
        AlarmRuleIndex index = new([silence]);

        Assert.Equal([silence], index.TimerRules);
        Assert.Empty(index.Match(Outlet(), So2, ObservationInterval.Hour));
    }
}
