using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The <c>period</c> query parameter of the statistics endpoints: a calendar year (<c>2025</c>), quarter
/// (<c>2025-Q1</c>), month (<c>2025-03</c>) or day (<c>2025-03-05</c>) in China Standard Time.
/// </summary>
internal static class StatisticsPeriod
{
    /// <summary>The accepted forms, for error messages and the OpenAPI description.</summary>
    public const string Forms = "a year (2025), a quarter (2025-Q1), a month (2025-03) or a day (2025-03-05), from 2000 to 2099";

    /// <summary>Parses <paramref name="period"/> into its first and last day (inclusive).</summary>
    public static bool TryParse(string period, out LocalDate firstDay, out LocalDate lastDay, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(period);
        firstDay = lastDay = default;
        error = null;
        string[] parts = period.Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || parts[0].Length != 4 || year < ApiTime.FirstDay.Year || year > ApiTime.LastDay.Year)
        {
            error = $"period '{period}' is not {Forms}.";
            return false;
        }

        if (parts.Length == 1)
        {
            (firstDay, lastDay) = (new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
            return true;
        }

        if (parts.Length == 2 && parts[1] is ['Q' or 'q', >= '1' and <= '4'])
        {
            int quarter = parts[1][1] - '0';
            firstDay = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
            lastDay = firstDay.PlusMonths(3).PlusDays(-1);
            return true;
        }

        if (parts.Length is 2 or 3 && IsNumber(parts[1], 1, 12, out int month))
        {
            if (parts.Length == 2)
            {
                firstDay = new LocalDate(year, month, 1);
                lastDay = firstDay.PlusMonths(1).PlusDays(-1);
                return true;
            }

            if (IsNumber(parts[2], 1, CalendarSystem.Iso.GetDaysInMonth(year, month), out int day))
            {
                firstDay = lastDay = new LocalDate(year, month, day);
                return true;
            }
        }

        error = $"period '{period}' is not {Forms}.";
        return false;
    }

    private static bool IsNumber(string text, int min, int max, out int value)
    {
        value = 0;
        return text.Length == 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
