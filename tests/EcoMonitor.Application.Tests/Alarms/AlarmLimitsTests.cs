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
    public void Gb3095ClassII_So2Hourly_Is500()
    {
        // GB 3095-2012 Table 1: SO2 1-hour mean, class II 500 µg/m³; 24-hour 150.
        AlarmRule rule = Exceedance() with { LimitSource = LimitSource.Gb3095ClassII };

        Assert.Equal(500m, AlarmLimits.Resolve(rule, Outlet(type: StationType.AirQuality), null));
        Assert.Equal(150m, AlarmLimits.Resolve(rule with { Interval = ObservationInterval.Day }, Outlet(type: StationType.AirQuality), null));
    }
}
