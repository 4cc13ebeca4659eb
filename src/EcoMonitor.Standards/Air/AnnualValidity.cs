namespace EcoMonitor.Standards.Air;

/// <summary>
/// Data validity of an annual mean, GB 3095-2012 clause 7 Table 4 (<c>gb3095-2012-ambient-air.json</c>
/// <c>data_validity_table4</c>, confirmed): at least 324 daily means in the calendar year and at least 27 in every
/// month (February at least 25). Both conditions apply: 27 days in every month totals only 322.
/// </summary>
public static class AnnualValidity
{
    /// <summary>Daily means a year needs.</summary>
    public const int MinDaysPerYear = 324;

    /// <summary>Daily means every month but February needs.</summary>
    public const int MinDaysPerMonth = 27;

    /// <summary>Daily means February needs.</summary>
    public const int MinDaysInFebruary = 25;

    /// <summary>True when the twelve monthly counts of valid daily means (January first) make a valid year.</summary>
    public static bool IsValid(ReadOnlySpan<int> monthCounts)
    {
        if (monthCounts.Length != 12)
        {
            return false;
        }

        int total = 0;
        for (int month = 0; month < 12; month++)
        {
            if (monthCounts[month] < (month == 1 ? MinDaysInFebruary : MinDaysPerMonth))
            {
                return false;
            }

            total += monthCounts[month];
        }

        return total >= MinDaysPerYear;
    }
}
