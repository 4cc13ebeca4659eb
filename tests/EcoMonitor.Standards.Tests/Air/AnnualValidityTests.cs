using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>GB 3095-2012 Table 4: annual mean needs ≥ 324 days and ≥ 27 per month (February ≥ 25).</summary>
[Trait("Area", "Standards")]
public sealed class AnnualValidityTests
{
    [Fact]
    public void IsValid_TwentySevenDaysEveryMonth_IsValidWithExactly324()
    {
        int[] counts = [.. Enumerable.Repeat(27, 12)];

        Assert.Equal(324, counts.Sum());
        Assert.True(AnnualValidity.IsValid(counts));
    }

    [Fact]
    public void IsValid_EveryMonthAtItsMinimum_IsInvalidBecauseTotalIs322()
    {
        int[] februaryShort = [27, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27];
        Assert.Equal(322, februaryShort.Sum());
        Assert.False(AnnualValidity.IsValid(februaryShort));
    }

    [Fact]
    public void IsValid_OneMonthWithTwentySix_IsInvalidWhateverTheTotal()
    {
        int[] counts = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 26, 31];

        Assert.False(AnnualValidity.IsValid(counts));
    }

    [Fact]
    public void IsValid_FebruaryWithTwentyFive_IsEnough()
    {
        int[] counts = [31, 25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

        Assert.True(AnnualValidity.IsValid(counts));
        counts[1] = 24;
        Assert.False(AnnualValidity.IsValid(counts));
    }

    [Fact]
    public void PeriodIsValid_YearWithTwentySevenDaysInEveryMonth_IsValidOnlyWithTotal324()
    {
        LocalDate first = new(2019, 1, 1);
        List<decimal?> days = [];
        for (LocalDate day = first; day.Year == 2019; day = day.PlusDays(1))
        {
            days.Add(day.Day <= 27 ? 30m : null);
        }

        Assert.True(PeriodEvaluator.IsValid(first, days));   // 12 × 27 = 324
        days[31 + 26] = null;                                 // 27 Feb missing: February 26 days still ≥ 25, total 323
        Assert.False(PeriodEvaluator.IsValid(first, days));
    }
}
