using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Evaluation;

/// <summary>Which network makes a region's official figures (ADR 0037, docs/standards.md "Assessment networks").</summary>
[Trait("Area", "Reports")]
public sealed class OfficialNetworksTests
{
    [Theory]
    [InlineData(EvaluationScope.City, new[] { AssessmentNetworks.Provincial, AssessmentNetworks.National, AssessmentNetworks.Sensor }, AssessmentNetworks.National)]
    [InlineData(EvaluationScope.City, new[] { AssessmentNetworks.City, AssessmentNetworks.Provincial }, AssessmentNetworks.Provincial)]
    [InlineData(EvaluationScope.City, new[] { AssessmentNetworks.City, AssessmentNetworks.County }, AssessmentNetworks.City)]
    [InlineData(EvaluationScope.County, new[] { AssessmentNetworks.National, AssessmentNetworks.Provincial }, AssessmentNetworks.Provincial)]
    [InlineData(EvaluationScope.County, new[] { AssessmentNetworks.National, AssessmentNetworks.County }, AssessmentNetworks.National)]
    [InlineData(EvaluationScope.County, new[] { AssessmentNetworks.City, AssessmentNetworks.County }, AssessmentNetworks.County)]
    [InlineData(EvaluationScope.County, new[] { AssessmentNetworks.City }, AssessmentNetworks.City)]
    [InlineData(EvaluationScope.County, new[] { AssessmentNetworks.National | AssessmentNetworks.Provincial }, AssessmentNetworks.Provincial)]
    public void Of_TakesTheFirstNetworkOfTheRegionsOrderThatHasAStation(EvaluationScope scope, AssessmentNetworks[] stations, AssessmentNetworks official)
    {
        Assert.Equal(official, OfficialNetworks.Of(scope, [.. stations.Select(Station)]));
    }

    [Theory]
    [InlineData(EvaluationScope.City)]
    [InlineData(EvaluationScope.County)]
    public void Of_BackgroundSensorAndResearchStationsOnly_GiveNoOfficialFigure(EvaluationScope scope)
    {
        Station[] others = [Station(AssessmentNetworks.Background), Station(AssessmentNetworks.Sensor | AssessmentNetworks.Research), Station(AssessmentNetworks.None)];

        Assert.Null(OfficialNetworks.Of(scope, others));
    }

    private static Station Station(AssessmentNetworks networks) => Some.Station() with { Networks = networks };
}
