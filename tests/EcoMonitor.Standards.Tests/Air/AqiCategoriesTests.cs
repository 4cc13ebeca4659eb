using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 633-2012 clause 4.3 Table 2: every level bound.</summary>
[Trait("Area", "Standards")]
public sealed class AqiCategoriesTests
{
    [Theory]
    [InlineData(0, 1, "优")]
    [InlineData(50, 1, "优")]
    [InlineData(51, 2, "良")]
    [InlineData(100, 2, "良")]
    [InlineData(101, 3, "轻度污染")]
    [InlineData(150, 3, "轻度污染")]
    [InlineData(151, 4, "中度污染")]
    [InlineData(200, 4, "中度污染")]
    [InlineData(201, 5, "重度污染")]
    [InlineData(300, 5, "重度污染")]
    [InlineData(301, 6, "严重污染")]
    [InlineData(500, 6, "严重污染")]
    public void For_LevelBounds_GiveTable2Level(int aqi, int level, string name)
    {
        AqiCategory category = AqiCategories.For(aqi);

        Assert.Equal(level, category.Level);
        Assert.Equal(name, category.Name);
    }
}
