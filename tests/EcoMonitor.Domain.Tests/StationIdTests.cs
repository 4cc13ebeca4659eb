namespace EcoMonitor.Domain.Tests;

[Trait("Area", "Spine")]
public sealed class StationIdTests
{
    [Theory]
    [InlineData("ZLDSZ20210127")]
    [InlineData("010000A8900016F000169DC0")]
    public void TryParse_ValidMn_Succeeds(string text)
    {
        Assert.True(StationId.TryParse(text, out StationId id));
        Assert.Equal(text, id.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789012345678901234")]
    [InlineData("AB;C")]
    [InlineData("AB=C")]
    [InlineData("A B")]
    public void TryParse_InvalidMn_Fails(string text) => Assert.False(StationId.TryParse(text, out _));
}
