using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Reports;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Reports;

/// <summary>
/// The annual air-quality report (环境空气质量年报) of a province (its cities) or a city (its counties), modelled on the
/// monthly report and the national annual bulletin: per unit the HJ 663-2013 annual statistics of the six pollutants
/// (means and the percentiles clause 5 uses for the year) with their year-on-year change, good-day ratio, level shares
/// and heavy-pollution days, GB 3095-2012 class II compliance and the count of compliant units, the ranking by
/// comprehensive index beside the one with dust days excluded (扣沙) and the improvement ranking, and the monthly trend
/// of PM2.5 and the good-day ratio (two charts and their table). Every number comes from
/// <see cref="AirStatisticsService"/> — the service behind <c>/regions/{code}/statistics</c> and <c>/rankings/…</c> —
/// for the year and the year before; shares, changes and the province's monthly means are derived from them
/// (<see cref="ReportNumbers"/>).
/// </summary>
public sealed class AnnualAirReportBuilder(AirStatisticsService statistics, ReportUnits units, ChartRenderer charts)
{
    /// <summary>The report of <paramref name="region"/> (a province or city) for <paramref name="year"/>.</summary>
    public async Task<ReportDocument> BuildAsync(RegionCode region, int year, CancellationToken cancellationToken)
    {
        EvaluationScope scope = ReportUnits.ScopeOf(region);
        LocalDate first = new(year, 1, 1), last = new(year, 12, 31);
        IReadOnlyList<EvaluationSubject> subjects = await units.ListAsync(region, cancellationToken);
        var rows = new List<AnnualUnit>(subjects.Count);
        foreach (EvaluationSubject subject in subjects)
        {
            AirPeriodStatistics now = await statistics.GetAsync(subject, first, last, cancellationToken);
            AirPeriodStatistics before = await statistics.GetAsync(subject, first.PlusYears(-1), last.PlusYears(-1), cancellationToken);
            rows.Add(new AnnualUnit(subject.Code, units.NameOf(subject.Code), now, before));
        }

        var rankings = new AnnualRankings(
            await statistics.RankAsync(scope, region, first, last, AirRankingMeasure.Index, DustDayTreatment.Included, cancellationToken),
            await statistics.RankAsync(scope, region, first, last, AirRankingMeasure.Index, DustDayTreatment.Excluded, cancellationToken),
            await statistics.RankAsync(scope, region, first, last, AirRankingMeasure.Improvement, DustDayTreatment.Included, cancellationToken));
        IReadOnlyList<(string Month, decimal? Pm25, decimal? GoodDayShare)> trend = await TrendAsync(region, scope, subjects, year, cancellationToken);

        string unitWord = scope == EvaluationScope.City ? "城市" : "区县";
        string regionName = units.NameOf(region.Value);
        string yearText = $"{year}年";
        var blocks = new List<ReportBlock>
        {
            new ReportHeading("一、总体状况"),
            new ReportParagraph(AnnualAirSummary.Text(rows, rankings, regionName, yearText, unitWord)),
        };
        if (scope == EvaluationScope.County)
        {
            AirPeriodStatistics city = await statistics.GetAsync(EvaluationSubject.Of(region), first, last, cancellationToken);
            AirPeriodStatistics cityBefore = await statistics.GetAsync(EvaluationSubject.Of(region), first.PlusYears(-1), last.PlusYears(-1), cancellationToken);
            blocks.Add(new ReportParagraph(AnnualAirSummary.CityText(regionName, city, cityBefore)));
        }

        blocks.Add(new ReportHeading($"二、各{unitWord}优良天数比例与污染天数"));
        blocks.Add(AnnualAirTables.Levels(rows, unitWord));
        blocks.Add(charts.Bars($"各{unitWord}优良天数比例（%）", "优良天数比例（%）",
            [.. rows.Select(r => r.Name)], [.. rows.Select(r => (double)(r.Now.Days.GoodDayShare ?? 0m))]));
        blocks.Add(new ReportHeading("三、六项污染物年评价及同比变化"));
        blocks.Add(AnnualAirTables.Pollutants(rows, unitWord));
        blocks.Add(AnnualAirTables.Percentiles(rows, unitWord));
        blocks.Add(AnnualAirTables.Compliance(rows, unitWord));
        blocks.Add(new ReportHeading("四、综合指数排名、扣沙排名与改善幅度排名"));
        blocks.Add(AnnualAirTables.Rankings(rows, rankings, unitWord));
        blocks.Add(new ReportHeading("五、逐月变化"));
        blocks.Add(AnnualAirTables.Trend(trend, scope == EvaluationScope.City ? $"{regionName}（各城市算术平均）" : $"{regionName}（全市）"));
        blocks.Add(charts.Line($"{regionName}逐月PM2.5浓度（μg/m³）", "PM2.5（μg/m³）",
            [.. trend.Select(t => t.Month)], [.. trend.Select(t => t.Pm25 is { } v ? (double)v : double.NaN)]));
        blocks.Add(charts.Line($"{regionName}逐月优良天数比例（%）", "优良天数比例（%）",
            [.. trend.Select(t => t.Month)], [.. trend.Select(t => t.GoodDayShare is { } v ? (double)v : double.NaN)]));
        blocks.Add(new ReportParagraph(
            "说明：数据来自本平台审核后的自动监测日均值，按HJ 663-2013进行年评价：SO2、NO2、PM10、PM2.5为年平均浓度，"
            + "并列出SO2、NO2的24小时平均第98百分位数和PM10、PM2.5的24小时平均第95百分位数，CO为24小时平均第95百分位数，"
            + "O3为日最大8小时滑动平均第90百分位数；达标按GB 3095-2012二级标准判定。综合指数、排名与改善幅度按《城市环境空气质量排名技术规定》计算；"
            + "扣沙排名扣除了沙尘日登记簿中登记的沙尘天气影响日；同比为与上年相比。"));
        return new ReportDocument(ReportKind.AnnualAir, region.Value, ReportPeriods.Format(year), $"{regionName}环境空气质量年报", yearText, blocks)
        {
            HasData = rows.Any(r => r.Now.Days.ValidDays > 0),
        };
    }

    /// <summary>
    /// Per month of <paramref name="year"/>: a city's own PM2.5 mean and good-day ratio (a city report), or for a province
    /// the arithmetic mean of its cities' values (one decimal, as the monthly report's summary).
    /// </summary>
    private async Task<IReadOnlyList<(string Month, decimal? Pm25, decimal? GoodDayShare)>> TrendAsync(
        RegionCode region, EvaluationScope scope, IReadOnlyList<EvaluationSubject> subjects, int year, CancellationToken cancellationToken)
    {
        var trend = new List<(string, decimal?, decimal?)>(12);
        for (int month = 1; month <= 12; month++)
        {
            var yearMonth = new YearMonth(year, month);
            LocalDate first = yearMonth.OnDayOfMonth(1), last = first.PlusMonths(1).PlusDays(-1);
            if (scope == EvaluationScope.County)
            {
                AirPeriodStatistics city = await statistics.GetAsync(EvaluationSubject.Of(region), first, last, cancellationToken);
                trend.Add(($"{month}月", MonthlyAirReportBuilder.Value(city, AirPollutant.Pm25), city.Days.GoodDayShare));
                continue;
            }

            var each = new List<AirPeriodStatistics>(subjects.Count);
            foreach (EvaluationSubject subject in subjects)
            {
                each.Add(await statistics.GetAsync(subject, first, last, cancellationToken));
            }

            trend.Add(($"{month}月", ReportNumbers.Mean(each.Select(s => MonthlyAirReportBuilder.Value(s, AirPollutant.Pm25))),
                ReportNumbers.Mean(each.Select(s => s.Days.GoodDayShare))));
        }

        return trend;
    }
}
