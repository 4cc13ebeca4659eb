using System.Globalization;
using System.Text.Json;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.Water;

/// <summary>GB 3838-2002 Table 2: supplementary items of centralized drinking-water sources.</summary>
[Trait("Area", "Standards")]
public sealed class DrinkingSourceLimitsTests
{
    [Theory]
    [InlineData(DrinkingSourceItem.Sulfate, "250", null)]
    [InlineData(DrinkingSourceItem.Sulfate, "250.1", "0")]
    [InlineData(DrinkingSourceItem.Chloride, "249.9", null)]
    [InlineData(DrinkingSourceItem.Chloride, "500", "1")]
    [InlineData(DrinkingSourceItem.Nitrate, "10", null)]
    [InlineData(DrinkingSourceItem.Nitrate, "12.5", "0.25")]
    [InlineData(DrinkingSourceItem.Fe, "0.3", null)]
    [InlineData(DrinkingSourceItem.Fe, "0.31", "0.03")]
    [InlineData(DrinkingSourceItem.Mn, "0.1", null)]
    [InlineData(DrinkingSourceItem.Mn, "0.115", "0.15")]
    public void ExceedMultiple_AtJustOverLimit(DrinkingSourceItem item, string value, string? multiple) =>
        Assert.Equal(
            multiple is null ? null : decimal.Parse(multiple, CultureInfo.InvariantCulture),
            DrinkingSourceLimits.ExceedMultiple(item, decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Limits_EqualCitedJson()
    {
        JsonElement rows = SharedStandards.Load("gb3838-2002-surface-water.json").GetProperty("table2_supplementary_drinking_source").GetProperty("rows");

        Assert.Equal(
            rows.EnumerateArray().Select(r => r.GetProperty("limit").GetDecimal()),
            Enum.GetValues<DrinkingSourceItem>().Select(DrinkingSourceLimits.Limit));
    }
}
