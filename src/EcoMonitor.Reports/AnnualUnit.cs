using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Reports;

/// <summary>One city or county of an annual report: its statistics of the year and of the year before.</summary>
/// <param name="Code">The region code.</param>
/// <param name="Name">Its Chinese name.</param>
/// <param name="Now">The year's statistics, as <c>/regions/{code}/statistics?period=yyyy</c> serves them.</param>
/// <param name="Before">The year before's.</param>
internal sealed record AnnualUnit(string Code, string Name, AirPeriodStatistics Now, AirPeriodStatistics Before)
{
    /// <summary>Heavy-pollution days (重污染天数: AQI &gt; 200, levels 5 and 6, HJ 633-2012) of the year.</summary>
    public int HeavyDays => Now.Days.DaysByLevel[4] + Now.Days.DaysByLevel[5];

    /// <summary>Heavy-pollution days of the year before.</summary>
    public int HeavyDaysBefore => Before.Days.DaysByLevel[4] + Before.Days.DaysByLevel[5];
}
