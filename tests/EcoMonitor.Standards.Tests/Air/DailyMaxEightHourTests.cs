using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 663-2013 clauses 3/6: O3 daily maximum 8-h from the 17 windows ending 08:00–24:00.</summary>
[Trait("Area", "Standards")]
public sealed class DailyMaxEightHourTests
{
    [Fact]
    public void Compute_FullDay_HasSeventeenWindowsAndTheirMaximum()
    {
        decimal?[] hours = [.. Enumerable.Range(1, 24).Select(h => (decimal?)(h * 10))];

        DailyMaxEightHourResult result = DailyMaxEightHour.Compute(hours);

        Assert.Equal(new DailyMaxEightHourResult(17, true, 205m), result); // hours 17..24: mean of 170..240
    }

    [Fact]
    public void Compute_FourteenValidWindows_IsValidAndThirteenIsNot()
    {
        // Hours 21..24 missing: the windows ending 08..22 keep ≥ 6 values (15 windows); with 19..24 missing, 08..20 (13).
        decimal?[] hours = [.. Enumerable.Range(1, 24).Select(h => h <= 20 ? 50m : (decimal?)null)];

        DailyMaxEightHourResult result = DailyMaxEightHour.Compute(hours);

        Assert.Equal(15, result.WindowCount);
        Assert.True(result.IsValid);

        decimal?[] fewer = [.. Enumerable.Range(1, 24).Select(h => h <= 18 ? 50m : (decimal?)null)];
        DailyMaxEightHourResult invalid = DailyMaxEightHour.Compute(fewer);
        Assert.Equal(13, invalid.WindowCount);
        Assert.False(invalid.IsValid);
    }

    [Fact]
    public void Compute_FewWindowsButMaximumAboveLimit_IsValid()
    {
        decimal?[] hours = [.. Enumerable.Range(1, 24).Select(h => h <= 10 ? 200m : (decimal?)null)];

        DailyMaxEightHourResult result = DailyMaxEightHour.Compute(hours);

        Assert.True(result.WindowCount < DailyMaxEightHour.MinWindows);
        Assert.True(result.IsValid);
        Assert.Equal(200m, result.Value);
    }
}
