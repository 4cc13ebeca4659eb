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

    [Fact]
    public void PeriodIsValid_RandomPeriodsAndGaps_AgreesWithTable4ReadMonthByMonth()
    {
        var random = new Random(3095);
        for (int run = 0; run < 400; run++)
        {
            LocalDate first = new LocalDate(2019, 1, 1).PlusDays(random.Next(0, 800));
            int length = random.Next(1, 900);
            int gapEvery = random.Next(2, 60);
            decimal?[] days = [.. Enumerable.Range(0, length).Select(i => i % gapEvery == 0 || random.Next(40) == 0 ? (decimal?)null : 10m)];

            Assert.Equal(ByTable4(first, days), PeriodEvaluator.IsValid(first, days));
        }
    }

    /// <summary>GB 3095-2012 Table 4 applied literally: each month and year the period covers completely, counted day by day.</summary>
    private static bool ByTable4(LocalDate first, decimal?[] days)
    {
        LocalDate last = first.PlusDays(days.Length - 1);
        int Valid(LocalDate from, LocalDate to) => Enumerable.Range(0, Period.DaysBetween(from, to) + 1)
            .Count(i => days[Period.DaysBetween(first, from.PlusDays(i))].HasValue);
        for (var month = new LocalDate(first.Year, first.Month, 1); month <= last; month = month.PlusMonths(1))
        {
            LocalDate monthEnd = month.PlusMonths(1).PlusDays(-1);
            if (month >= first && monthEnd <= last && Valid(month, monthEnd) < (month.Month == 2 ? 25 : 27))
            {
                return false;
            }
        }

        for (int year = first.Year; year <= last.Year; year++)
        {
            if (new LocalDate(year, 1, 1) >= first && new LocalDate(year, 12, 31) <= last && Valid(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)) < 324)
            {
                return false;
            }
        }

        return true;
    }
}
