using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>城市环境空气质量排名技术规定 (2018): comprehensive index, its worked example, and ranking.</summary>
[Trait("Area", "Standards")]
public sealed class ComprehensiveIndexTests
{
    [Fact]
    public void Compute_WorkedExampleOfTheRules_Gives3Point06()
    {
        // SO2 9, NO2 15, PM10 39, PM2.5 21, CO 0.7, O3 192 (city-air-ranking-2018.json worked_example).
        ComprehensiveIndexResult result = ComprehensiveIndex.Compute([9m, 15m, 39m, 21m, 0.7m, 192m]);

        Assert.Equal(3.06m, result.Index);
        Assert.Equal(AirPollutant.O3, result.MaxPollutant);
        Assert.Equal(1.2m, result.SingleIndices[(int)AirPollutant.O3]);
    }

    [Fact]
    public void Compute_MissingItem_HasNoSum()
    {
        ComprehensiveIndexResult result = ComprehensiveIndex.Compute([9m, 15m, 39m, 21m, null, 192m]);

        Assert.Null(result.Index);
    }

    [Fact]
    public void Rank_EqualIndices_RankEqualAndTheNextSkips()
    {
        var ranked = CityRanking.Rank([("C", 4.1m), ("A", 3.06m), ("B", 3.06m)]);

        Assert.Equal([("A", 3.06m, 1), ("B", 3.06m, 1), ("C", 4.1m, 3)], ranked);
    }

    [Fact]
    public void DayStatistics_CountsLevelsAndGoodDayShare()
    {
        var stats = AqiDayStatistics.From([50, 51, 100, 101, 301, null]);

        Assert.Equal([1, 2, 1, 0, 0, 1], stats.DaysByLevel);
        Assert.Equal(5, stats.ValidDays);
        Assert.Equal(60.0m, stats.GoodDayShare);
    }

    [Fact]
    public void CityConcentration_IsMeanOfStationsWithValues()
    {
        // HJ 663-2013 clause 4: arithmetic mean over the city's assessment points.
        Assert.Equal(40m, CityConcentration.Mean([30m, null, 50m]));
        Assert.Null(CityConcentration.Mean([null]));
    }
}
