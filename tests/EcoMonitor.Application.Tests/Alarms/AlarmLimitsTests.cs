using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using static EcoMonitor.Application.Tests.Alarms.AlarmSome;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Alarms")]
public sealed class AlarmLimitsTests
{
    [Fact]
    public void Permit_TakesTheStationsPermitLimit()
    {
        AlarmRule rule = Exceedance() with { LimitSource = LimitSource.Permit, Limit = null };
        Dictionary<ParameterCode, decimal> permit = new() { [ParameterCode.Parse("a21026")] = 35m };

        Assert.Equal(35m, AlarmLimits.Resolve(rule, Outlet(), permit));
        Assert.Null(AlarmLimits.Resolve(rule, Outlet(), null));
    }

    [Fact]
    public void WaterTargetClass_Nh3nClassIII_Is1()
    {
        // GB 3838-2002 Table 1 item 7: NH3-N class III ≤ 1.0 mg/L.
        AlarmRule rule = Exceedance() with { LimitSource = LimitSource.WaterTargetClass, Parameter = ParameterCode.Parse("w21003") };
        Station section = Outlet(type: StationType.SurfaceWater) with { WaterTargetClass = 3 };

        Assert.Equal(1.0m, AlarmLimits.Resolve(rule, section, null));
        Assert.Null(AlarmLimits.Resolve(rule, section with { WaterTargetClass = null }, null));
    }

    [Fact]
    public void WaterTargetClass_LakeAndReservoirUseLakeTp_TnOnlyForLakes()
    {
        // GB 3838-2002 Table 1 item 9: TP class III ≤ 0.2 mg/L (rivers), ≤ 0.05 (lakes and reservoirs, 湖、库); class II
        // 0.1 / 0.025. Item 10: TN class III ≤ 1.0 (lakes and reservoirs only).
        AlarmRule tp = Exceedance() with { LimitSource = LimitSource.WaterTargetClass, Parameter = ParameterCode.Parse("w21011") };
        AlarmRule tn = tp with { Parameter = ParameterCode.Parse("w21001") };
        Station river = Outlet(type: StationType.SurfaceWater) with { Enterprise = null, WaterTargetClass = 3, WaterBody = WaterBodyType.River };

        Assert.Equal(0.2m, AlarmLimits.Resolve(tp, river, null));
        Assert.Equal(0.05m, AlarmLimits.Resolve(tp, river with { WaterBody = WaterBodyType.Lake }, null));
        Assert.Equal(0.05m, AlarmLimits.Resolve(tp, river with { WaterBody = WaterBodyType.Reservoir }, null));
        Assert.Equal(0.025m, AlarmLimits.Resolve(tp, river with { WaterBody = WaterBodyType.Lake, WaterTargetClass = 2 }, null));
        Assert.Null(AlarmLimits.Resolve(tn, river, null));
        Assert.Equal(1.0m, AlarmLimits.Resolve(tn, river with { WaterBody = WaterBodyType.Lake }, null));
    }

    [Fact]
    public void Gb3095ClassII_So2Hourly_Is500()
    {
        // GB 3095-2012 Table 1: SO2 1-hour mean, class II 500 µg/m³; 24-hour 150.
        AlarmRule rule = Exceedance() with { LimitSource = LimitSource.Gb3095ClassII };

        Assert.Equal(500m, AlarmLimits.Resolve(rule, Outlet(type: StationType.AirQuality), null));
        Assert.Equal(150m, AlarmLimits.Resolve(rule with { Interval = ObservationInterval.Day }, Outlet(type: StationType.AirQuality), null));
    }

    [Theory]
    [InlineData("w21038", 250)]   // GB 3838-2002 Table 2: sulfate 250 mg/L
    [InlineData("w21022", 250)]   // chloride 250
    [InlineData("w21007", 10)]    // nitrate (as N) 10
    [InlineData("w20125", 0.3)]   // Fe 0.3
    [InlineData("w20124", 0.1)]   // Mn 0.1
    [InlineData("w21003", 1.0)]   // Table 1 item 7, NH3-N class III
    [InlineData("w01009", 5)]     // Table 1 item 2, DO class III (a lower bound)
    [InlineData("w20115", 0.005)] // Table 1 item 16, Cd class III
    public void DrinkingWaterSource_Table2Items_AndTable1ClassIII(string parameter, double limit)
    {
        AlarmRule rule = Exceedance() with { LimitSource = LimitSource.DrinkingWaterSource, Limit = null, Parameter = ParameterCode.Parse(parameter) };

        Assert.Equal((decimal)limit, AlarmLimits.Resolve(rule, Source(), null));
    }

    [Fact]
    public void DrinkingWaterSource_StricterTargetClass_Wins_LooserDoesNot()
    {
        // NH3-N class II ≤ 0.5 (stricter than III, 1.0); class IV 1.5 is looser, so class III holds. DO: class II ≥ 6.
        AlarmRule nh3n = Exceedance() with { LimitSource = LimitSource.DrinkingWaterSource, Parameter = ParameterCode.Parse("w21003") };
        AlarmRule oxygen = nh3n with { Parameter = ParameterCode.Parse("w01009") };

        Assert.Equal(0.5m, AlarmLimits.Resolve(nh3n, Source() with { WaterTargetClass = 2 }, null));
        Assert.Equal(1.0m, AlarmLimits.Resolve(nh3n, Source() with { WaterTargetClass = 4 }, null));
        Assert.Equal(6m, AlarmLimits.Resolve(oxygen, Source() with { WaterTargetClass = 2 }, null));
        Assert.Equal(0.1m, AlarmLimits.Resolve(nh3n with { Parameter = ParameterCode.Parse("w20124") }, Source() with { WaterTargetClass = 1 }, null));
    }

    [Fact]
    public void DrinkingWaterSource_ReservoirUsesLakeTp_AndTnOnlyForLakes()
    {
        // Table 1 item 9: TP class III 0.2 (rivers), 0.05 (lakes and reservoirs); item 10 TN class III 1.0 (lakes and reservoirs).
        AlarmRule tp = Exceedance() with { LimitSource = LimitSource.DrinkingWaterSource, Parameter = ParameterCode.Parse("w21011") };
        AlarmRule tn = tp with { Parameter = ParameterCode.Parse("w21001") };
        Station reservoir = Source() with { WaterBody = WaterBodyType.Reservoir };

        Assert.Equal(0.2m, AlarmLimits.Resolve(tp, Source(), null));
        Assert.Equal(0.05m, AlarmLimits.Resolve(tp, reservoir, null));
        Assert.Null(AlarmLimits.Resolve(tn, Source(), null));
        Assert.Equal(1.0m, AlarmLimits.Resolve(tn, reservoir, null));
    }

    [Fact]
    public void DrinkingWaterSource_NotASource_OrPh_OrAirParameter_HasNoLimit()
    {
        AlarmRule rule = Exceedance() with { LimitSource = LimitSource.DrinkingWaterSource, Parameter = ParameterCode.Parse("w20124") };

        Assert.Null(AlarmLimits.Resolve(rule, Source() with { IsDrinkingWaterSource = false }, null));
        Assert.Null(AlarmLimits.Resolve(rule with { Parameter = ParameterCode.Parse("w01001") }, Source(), null));
        Assert.Null(AlarmLimits.Resolve(rule with { Parameter = ParameterCode.Parse("a21026") }, Source(), null));
    }

    private static Station Source() => Outlet("SWSRC1", type: StationType.SurfaceWater) with { Enterprise = null, IsDrinkingWaterSource = true };
}
