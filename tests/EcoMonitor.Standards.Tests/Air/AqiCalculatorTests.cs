using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 633-2012 clauses 4.4 and 5 and the Table 1 notes: hourly and daily AQI.</summary>
[Trait("Area", "Standards")]
public sealed class AqiCalculatorTests
{
    [Fact]
    public void Hourly_UsesHighestSubIndex()
    {
        AqiResult result = AqiCalculator.Hourly(new HourlyAqiInput(So2: 10m, No2: 40m, Pm10: 120m, Pm25: 88m, Co: 1.2m, O3: 100m));

        Assert.Equal(117, result.Aqi);
        Assert.Equal(117, result.GetIaqi(AqiSubIndex.Pm25));
        Assert.Equal(85, result.GetIaqi(AqiSubIndex.Pm10));
        Assert.Null(result.GetIaqi(AqiSubIndex.O3EightHour));
        Assert.Equal(AqiPollutants.Pm25, result.Primary);
        Assert.Equal(3, result.Category?.Level);
    }

    [Fact]
    public void Hourly_So2AboveEightHundred_UsesTheTwentyFourHourRow()
    {
        // Table 1 note 2: SO2 1-h > 800 → IAQI from the 24-h mean (100 µg/m³ → 50 + 50·50/100 = 75).
        AqiResult result = AqiCalculator.Hourly(new HourlyAqiInput(801m, null, null, null, null, null, So2Daily: 100m));

        Assert.Equal(75, result.GetIaqi(AqiSubIndex.So2));
    }

    [Fact]
    public void Hourly_So2AboveEightHundredWithoutDailyMean_HasNoSo2SubIndex()
    {
        AqiResult result = AqiCalculator.Hourly(new HourlyAqiInput(801m, 10m, null, null, null, null));

        Assert.Null(result.GetIaqi(AqiSubIndex.So2));
        Assert.Equal(5, result.Aqi);
    }

    [Fact]
    public void Hourly_So2AtEightHundred_StaysOnTheOneHourRow()
    {
        AqiResult result = AqiCalculator.Hourly(new HourlyAqiInput(800m, null, null, null, null, null, So2Daily: 100m));

        Assert.Equal(200, result.GetIaqi(AqiSubIndex.So2));
    }

    [Fact]
    public void Daily_O3EightHourAboveEightHundred_IsNotUsedAndO3OneHourReports()
    {
        // Table 1 note 3.
        AqiResult result = AqiCalculator.Daily(new DailyAqiInput(null, null, null, null, null, O3MaxHour: 900m, O3MaxEightHour: 801m));

        Assert.Null(result.GetIaqi(AqiSubIndex.O3EightHour));
        Assert.Equal(350, result.Aqi);
        Assert.Equal(AqiPollutants.O3, result.Primary);
    }

    [Fact]
    public void Daily_UsesSevenSubIndicesIncludingBothO3()
    {
        AqiResult result = AqiCalculator.Daily(new DailyAqiInput(10m, 20m, 30m, 20m, 0.5m, O3MaxHour: 220m, O3MaxEightHour: 170m));

        Assert.Equal(110, result.GetIaqi(AqiSubIndex.O3));           // 100 + 50·20/100
        Assert.Equal(110, result.GetIaqi(AqiSubIndex.O3EightHour)); // 100 + 50·10/55 = 109.09 → 110
        Assert.Equal(AqiPollutants.O3 | AqiPollutants.O3EightHour, result.Primary);
        Assert.Equal(AqiPollutants.O3 | AqiPollutants.O3EightHour, result.Exceeding);
    }

    [Fact]
    public void Primary_AqiFiftyOrBelow_IsNone()
    {
        AqiResult result = AqiCalculator.Daily(new DailyAqiInput(50m, null, null, 35m, null, null, null));

        Assert.Equal(50, result.Aqi);
        Assert.Equal(AqiPollutants.None, result.Primary);
    }

    [Fact]
    public void Primary_Ties_AreAllListed()
    {
        AqiResult result = AqiCalculator.Daily(new DailyAqiInput(null, null, 150m, 75m, null, null, null));

        Assert.Equal(100, result.Aqi);
        Assert.Equal(AqiPollutants.Pm10 | AqiPollutants.Pm25, result.Primary);
    }

    [Fact]
    public void Exceeding_IaqiExactlyHundred_IsNotExceeding()
    {
        AqiResult result = AqiCalculator.Daily(new DailyAqiInput(null, null, 151m, 75m, null, null, null));

        Assert.Equal(AqiPollutants.Pm10, result.Exceeding);
        Assert.Equal(AqiPollutants.Pm10, result.Primary);
    }

    [Fact]
    public void Hourly_NoConcentration_HasNoAqi()
    {
        AqiResult result = AqiCalculator.Hourly(default);

        Assert.Null(result.Aqi);
        Assert.Null(result.Category);
        Assert.Equal(AqiPollutants.None, result.Primary);
    }
}
