using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Tests.Rounding;

/// <summary>GB/T 8170-2008 clause 3.3 as HJ 663-2013 clause 6 requires (hj663 JSON <c>rounding.gbt8170</c> examples).</summary>
[Trait("Area", "Standards")]
public sealed class GbT8170Tests
{
    [Theory]
    [InlineData("40.5", 0, "40")]
    [InlineData("41.5", 0, "42")]
    [InlineData("0.85", 1, "0.8")]
    [InlineData("0.75", 1, "0.8")]
    [InlineData("40.51", 0, "41")]
    [InlineData("40.49", 0, "40")]
    [InlineData("95.5", 0, "96")]
    [InlineData("3.055", 2, "3.06")]
    [InlineData("3.065", 2, "3.06")]
    public void Round_ExactTrailingFive_RoundsToEven(string value, int decimals, string expected)
    {
        decimal rounded = GbT8170.Round(Parse(value), decimals);

        Assert.Equal(Parse(expected), rounded);
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
