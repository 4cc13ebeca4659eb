using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Reports;

/// <summary>The tables of the annual report (<see cref="AnnualAirReportBuilder"/>). Pure.</summary>
internal static class AnnualAirTables
{
    private static readonly AirPollutant[] Order = [AirPollutant.Pm25, AirPollutant.Pm10, AirPollutant.O3, AirPollutant.So2, AirPollutant.No2, AirPollutant.Co];

    /// <summary>Table 1: valid and good days, good-day ratio and its change, level shares, heavy-pollution days and their change, index.</summary>
    public static ReportTable Levels(IReadOnlyList<AnnualUnit> rows, string unitWord) => new(
        $"表1 各{unitWord}优良天数比例、级别分布及重污染天数", "表1 级别与重污染天数",
        [unitWord, "代码", "有效天数", "优良天数", "优良天数比例(%)", "同比变化(百分点)", "优(%)", "良(%)", "轻度污染(%)", "中度污染(%)", "重度污染(%)", "严重污染(%)",
            "重度及以上污染天数", "同比变化(天)", "综合指数"],
        [.. rows.Select(r =>
        {
            AqiDayStatistics days = r.Now.Days;
            return new object?[]
            {
                r.Name, r.Code, days.ValidDays, days.DaysByLevel[0] + days.DaysByLevel[1], days.GoodDayShare,
                ReportNumbers.Points(days.GoodDayShare, r.Before.Days.GoodDayShare),
                ReportNumbers.Share(days.DaysByLevel[0], days.ValidDays), ReportNumbers.Share(days.DaysByLevel[1], days.ValidDays),
                ReportNumbers.Share(days.DaysByLevel[2], days.ValidDays), ReportNumbers.Share(days.DaysByLevel[3], days.ValidDays),
                ReportNumbers.Share(days.DaysByLevel[4], days.ValidDays), ReportNumbers.Share(days.DaysByLevel[5], days.ValidDays),
                r.HeavyDays, r.Before.Days.ValidDays > 0 ? r.HeavyDays - r.HeavyDaysBefore : null, r.Now.Index.Index,
            };
        })]);

    /// <summary>Table 2: the six items' annual values (means; CO and O3 their percentiles) and the change against the year before.</summary>
    public static ReportTable Pollutants(IReadOnlyList<AnnualUnit> rows, string unitWord)
    {
        List<string> header = [unitWord, "代码"];
        foreach (AirPollutant p in Order)
        {
            string name = MonthlyAirReportBuilder.ItemName(p);
            header.Add(name);
            header.Add(name + "同比(%)");
        }

        return new ReportTable($"表2 各{unitWord}六项污染物年评价浓度及同比变化（CO为mg/m³，其余为μg/m³）", "表2 六项污染物", header,
            [.. rows.Select(r =>
            {
                List<object?> cells = [r.Name, r.Code];
                foreach (AirPollutant p in Order)
                {
                    cells.Add(MonthlyAirReportBuilder.Value(r.Now, p));
                    cells.Add(ReportNumbers.Change(MonthlyAirReportBuilder.Value(r.Now, p), MonthlyAirReportBuilder.Value(r.Before, p)));
                }

                return cells.ToArray();
            })]);
    }

    /// <summary>Table 3: the percentiles HJ 663-2013 clause 5 uses for the year, items compliant with class II and overall compliance.</summary>
    public static ReportTable Percentiles(IReadOnlyList<AnnualUnit> rows, string unitWord)
    {
        AirPollutant[] items = [AirPollutant.So2, AirPollutant.No2, AirPollutant.Pm10, AirPollutant.Pm25, AirPollutant.Co, AirPollutant.O3];
        List<string> header = [unitWord, "代码", .. items.Select(PercentileName), "达标项目数", "六项均达标"];
        return new ReportTable($"表3 各{unitWord}污染物百分位数浓度及GB 3095-2012二级标准达标情况", "表3 百分位数与达标", header,
            [.. rows.Select(r =>
            {
                List<object?> cells = [r.Name, r.Code];
                cells.AddRange(items.Select(p => (object?)r.Now.Items[(int)p].Percentile));
                cells.Add(r.Now.Items.Count(i => i.IsCompliant == true));
                cells.Add(r.Now.IsCompliant switch { true => "是", false => "否", null => null });
                return cells.ToArray();
            })]);
    }

    /// <summary>Table 4: per item the number of units meeting class II and their names; the last row every item.</summary>
    public static ReportTable Compliance(IReadOnlyList<AnnualUnit> rows, string unitWord)
    {
        IEnumerable<(string Item, Func<AnnualUnit, bool> Holds)> items = Order
            .Select(p => (AirPollutantFacts.Name(p), (Func<AnnualUnit, bool>)(r => r.Now.Items[(int)p].IsCompliant == true)))
            .Append(("六项污染物", r => r.Now.IsCompliant == true));
        return new ReportTable($"表4 达到GB 3095-2012二级标准的{unitWord}数", "表4 达标数", ["污染物", $"达标{unitWord}数", $"达标{unitWord}"],
            [.. items.Select(item =>
            {
                string[] names = [.. rows.Where(item.Holds).Select(r => r.Name)];
                return new object?[] { item.Item, names.Length, names.Length == 0 ? null : string.Join("、", names) };
            })]);
    }

    /// <summary>Table 5: the ranking by index, the dust-excluded ranking beside it, and the improvement ranking; in the order of the first.</summary>
    public static ReportTable Rankings(IReadOnlyList<AnnualUnit> rows, AnnualRankings rankings, string unitWord)
    {
        var ordinary = rankings.ByIndex.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var dust = rankings.ByIndexDustExcluded.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var improvement = rankings.ByImprovement.ToDictionary(r => r.Region, StringComparer.Ordinal);
        IEnumerable<AnnualUnit> ordered = rows.OrderBy(r => ordinary.TryGetValue(r.Code, out RegionRank? rank) ? rank.Rank : int.MaxValue)
            .ThenBy(r => r.Code, StringComparer.Ordinal);
        return new ReportTable($"表5 各{unitWord}综合指数排名、扣沙排名与改善幅度排名", "表5 排名",
            [unitWord, "代码", "综合指数", "排名", "综合指数(扣沙)", "排名(扣沙)", "综合指数同比变化(%)", "改善幅度排名"],
            [.. ordered.Select(r => new object?[]
            {
                r.Name, r.Code,
                ordinary.GetValueOrDefault(r.Code)?.Index, ordinary.GetValueOrDefault(r.Code)?.Rank,
                dust.GetValueOrDefault(r.Code)?.Index, dust.GetValueOrDefault(r.Code)?.Rank,
                improvement.GetValueOrDefault(r.Code)?.Change, improvement.GetValueOrDefault(r.Code)?.Rank,
            })]);
    }

    /// <summary>Table 6: the monthly PM2.5 and good-day ratio of the trend charts.</summary>
    public static ReportTable Trend(IReadOnlyList<(string Month, decimal? Pm25, decimal? GoodDayShare)> trend, string subject) => new(
        $"表6 {subject}逐月PM2.5浓度与优良天数比例", "表6 逐月变化", ["月份", "PM2.5(μg/m³)", "优良天数比例(%)"],
        [.. trend.Select(t => new object?[] { t.Month, t.Pm25, t.GoodDayShare })]);

    private static string PercentileName(AirPollutant pollutant) => pollutant switch
    {
        AirPollutant.So2 => "SO2-98per",
        AirPollutant.No2 => "NO2-98per",
        AirPollutant.Pm10 => "PM10-95per",
        AirPollutant.Pm25 => "PM2.5-95per",
        AirPollutant.Co => "CO-95per",
        AirPollutant.O3 => "O3-8h-90per",
    };
}
