namespace EcoMonitor.Domain.Tests;

[Trait("Area", "Spine")]
public sealed class DataFlagTests
{
    [Theory]
    [InlineData("N", true)]
    [InlineData("D", true)]
    [InlineData("X", false)]
    public void IsDefined_FollowsHj212Table(string text, bool isDefined) => Assert.Equal(isDefined, DataFlag.Parse(text).IsDefined);

    [Fact]
    public void Default_IsNormal() => Assert.Equal(DataFlag.Normal, default(DataFlag));

    [Theory]
    [InlineData("")]
    [InlineData("ABCDE")]
    [InlineData("N;")]
    public void TryParse_Garbage_Fails(string text) => Assert.False(DataFlag.TryParse(text, out _));
}
