using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Reports;

/// <summary>The summary paragraphs of the annual report (<see cref="AnnualAirReportBuilder"/>). Pure.</summary>
internal static class AnnualAirSummary
{
    /// <summary>The region's year: mean good-day ratio and PM2.5 of the units, heavy days, compliant units, best and worst, most improved.</summary>
    public static string Text(IReadOnlyList<AnnualUnit> rows, AnnualRankings rankings, string regionName, string year, string unitWord)
    {
        decimal? share = ReportNumbers.Mean(rows.Select(r => r.Now.Days.GoodDayShare));
        decimal? shareBefore = ReportNumbers.Mean(rows.Select(r => r.Before.Days.GoodDayShare));
        decimal? pm25 = ReportNumbers.Mean(rows.Select(r => MonthlyAirReportBuilder.Value(r.Now, AirPollutant.Pm25)));
        decimal? pm25Before = ReportNumbers.Mean(rows.Select(r => MonthlyAirReportBuilder.Value(r.Before, AirPollutant.Pm25)));
        int heavy = rows.Sum(r => r.HeavyDays);
        int compliant = rows.Count(r => r.Now.IsCompliant == true);
        string text = $"{year}，{regionName}{rows.Count}个{unitWord}平均优良天数比例为{ReportNumbers.Text(share)}%，"
            + $"{ReportNumbers.ChangeText(ReportNumbers.Points(share, shareBefore), "个百分点")}；PM2.5平均浓度为{ReportNumbers.Text(pm25)}μg/m³，"
            + $"{ReportNumbers.ChangeText(ReportNumbers.Change(pm25, pm25Before), "%")}（各{unitWord}数值的算术平均）。"
            + $"各{unitWord}重度及以上污染天数合计{heavy}天；六项污染物年评价全部达到GB 3095-2012二级标准的{unitWord}有{compliant}个。";
        string Name(RegionRank r) => rows.FirstOrDefault(u => u.Code == r.Region)?.Name ?? r.Region;
        if (rankings.ByIndex.Count > 0)
        {
            text += $"综合指数最小（空气质量相对较好）的是{Name(rankings.ByIndex[0])}（{ReportNumbers.Text(rankings.ByIndex[0].Index)}），"
                + $"最大的是{Name(rankings.ByIndex[^1])}（{ReportNumbers.Text(rankings.ByIndex[^1].Index)}）。";
        }

        if (rankings.ByImprovement.Count > 0)
        {
            text += $"综合指数改善幅度最大的是{Name(rankings.ByImprovement[0])}（{ReportNumbers.Text(rankings.ByImprovement[0].Change)}%）。";
        }

        return text;
    }

    /// <summary>The city's own year (a city report, whose units are counties).</summary>
    public static string CityText(string regionName, AirPeriodStatistics city, AirPeriodStatistics before) =>
        $"{regionName}（全市）有效监测{city.Days.ValidDays}天，优良天数比例为{ReportNumbers.Text(city.Days.GoodDayShare)}%，"
        + $"重度及以上污染{city.Days.DaysByLevel[4] + city.Days.DaysByLevel[5]}天，综合指数为{ReportNumbers.Text(city.Index.Index)}；"
        + $"PM2.5年平均浓度为{ReportNumbers.Text(MonthlyAirReportBuilder.Value(city, AirPollutant.Pm25))}μg/m³，"
        + $"{ReportNumbers.ChangeText(ReportNumbers.Change(MonthlyAirReportBuilder.Value(city, AirPollutant.Pm25), MonthlyAirReportBuilder.Value(before, AirPollutant.Pm25)), "%")}。";
}
