using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Reports;
using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Reports;

/// <summary>
/// The monthly air-quality report (环境空气质量月报) of a province (its cities) or a city (its counties), modelled on the
/// national monthly city report: good-day ratio and level shares, the six pollutants with their year-on-year change,
/// cities by good-day band, best and worst by comprehensive index, the item with the largest index. Every number comes
/// from <see cref="AirStatisticsService"/> — the service behind <c>/regions/{code}/statistics</c> and
/// <c>/rankings/…</c> — for the month and the same month a year before; shares and changes are derived from them
/// (<see cref="ReportNumbers"/>). When the region has targets for the month's year, a last section "目标完成情况" shows
/// them as <c>/regions/{code}/targets/{year}/progress</c> serves them (<see cref="TargetProgressService"/>).
/// </summary>
public sealed class MonthlyAirReportBuilder(AirStatisticsService statistics, ReportUnits units, ChartRenderer charts, TargetProgressService targets)
{
    private static readonly AirPollutant[] Order = [AirPollutant.Pm25, AirPollutant.Pm10, AirPollutant.O3, AirPollutant.So2, AirPollutant.No2, AirPollutant.Co];

    /// <summary>The report of <paramref name="region"/> (a province or city) for <paramref name="month"/>.</summary>
    public async Task<ReportDocument> BuildAsync(RegionCode region, YearMonth month, CancellationToken cancellationToken)
    {
        EvaluationScope scope = ReportUnits.ScopeOf(region);
        LocalDate first = month.OnDayOfMonth(1), last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        LocalDate lastYearFirst = first.PlusYears(-1), lastYearLast = lastYearFirst.PlusMonths(1).PlusDays(-1);
        IReadOnlyList<EvaluationSubject> subjects = await units.ListAsync(region, cancellationToken);
        var rows = new List<Unit>(subjects.Count);
        foreach (EvaluationSubject subject in subjects)
        {
            AirPeriodStatistics now = await statistics.GetAsync(subject, first, last, cancellationToken);
            AirPeriodStatistics before = await statistics.GetAsync(subject, lastYearFirst, lastYearLast, cancellationToken);
            rows.Add(new Unit(subject.Code, units.NameOf(subject.Code), now, before));
        }

        IReadOnlyList<RegionRank> ranking = await statistics.RankAsync(scope, region, first, last, AirRankingMeasure.Index, DustDayTreatment.Included, cancellationToken);
        var ranks = ranking.ToDictionary(r => r.Region, r => r.Rank, StringComparer.Ordinal);
        string unitWord = scope == EvaluationScope.City ? "城市" : "区县";
        string regionName = units.NameOf(region.Value);
        string monthText = $"{month.Year}年{month.Month}月";
        var blocks = new List<ReportBlock> { new ReportHeading("一、总体状况") };
        blocks.Add(new ReportParagraph(Summary(rows, ranking, ranks, regionName, monthText, unitWord)));
        if (scope == EvaluationScope.County)
        {
            AirPeriodStatistics city = await statistics.GetAsync(EvaluationSubject.Of(region), first, last, cancellationToken);
            AirPeriodStatistics cityBefore = await statistics.GetAsync(EvaluationSubject.Of(region), lastYearFirst, lastYearLast, cancellationToken);
            blocks.Add(new ReportParagraph(
                $"{regionName}（全市）有效监测{city.Days.ValidDays}天，优良天数比例为{ReportNumbers.Text(city.Days.GoodDayShare)}%，"
                + $"综合指数为{ReportNumbers.Text(city.Index.Index)}；PM2.5平均浓度为{ReportNumbers.Text(Value(city, AirPollutant.Pm25))}μg/m³，"
                + $"{ReportNumbers.ChangeText(ReportNumbers.Change(Value(city, AirPollutant.Pm25), Value(cityBefore, AirPollutant.Pm25)), "%")}。"));
        }

        blocks.Add(new ReportHeading($"二、各{unitWord}空气质量状况"));
        blocks.Add(LevelTable(rows, ranks, unitWord));
        blocks.Add(charts.Bars($"各{unitWord}优良天数比例（%）", "优良天数比例（%）",
            [.. rows.Select(r => r.Name)], [.. rows.Select(r => (double)(r.Now.Days.GoodDayShare ?? 0m))]));
        blocks.Add(new ReportHeading("三、六项污染物浓度及同比变化"));
        blocks.Add(PollutantTable(rows, unitWord));
        blocks.Add(new ReportHeading("四、优良天数比例分段与综合指数排名"));
        blocks.Add(BandTable(rows, unitWord));
        blocks.Add(BestWorstTable(ranking, unitWord));
        blocks.Add(new ReportHeading("五、主要污染物"));
        blocks.Add(PrimaryTable(rows, unitWord));
        blocks.Add(new ReportParagraph(
            "说明：数据来自本平台审核后的自动监测日均值，按HJ 663-2013统计；综合指数、排名按《城市环境空气质量排名技术规定》计算，"
            + "O3为日最大8小时滑动平均第90百分位数，CO为24小时平均第95百分位数；同比为与上年同月相比。"));
        blocks.AddRange(TargetBlocks(await targets.GetAsync(region, month.Year, cancellationToken)));
        return new ReportDocument(ReportKind.MonthlyAir, region.Value, ReportPeriods.Format(month), $"{regionName}环境空气质量月报", monthText, blocks)
        {
            HasData = rows.Any(r => r.Now.Days.ValidDays > 0),
        };
    }

    /// <summary>The section "六、目标完成情况" (targets, to date, projection, on track), or nothing without targets.</summary>
    private static IEnumerable<ReportBlock> TargetBlocks(TargetProgress? progress)
    {
        if (progress is null)
        {
            yield break;
        }

        string toDate = progress.ToDateLastDay is { } last ? $"{last.Year}年{last.Month}月{last.Day}日" : "年初";
        yield return new ReportHeading("六、目标完成情况");
        yield return new ReportParagraph(
            $"{progress.Targets.Year}年考核目标完成情况统计至{toDate}。年末预测假定全年剩余日期与上一年同期相同（无上年同期数据时取截至目前的数值）。"
            + (!progress.HasAirFigures ? "无空气质量监测城市，空气质量目标不计算进度。"
                : progress.Targets.Region.Province == progress.Targets.Region ? "全省空气质量指标为各城市官方统计值的算术平均（保留一位小数）。" : string.Empty));
        yield return new ReportTable("表6 目标完成情况", "表6 目标完成情况", ["指标", "目标", "截至目前", "年末预测", "预计完成"],
            [.. progress.Measures.Select(m => new object?[] { MeasureName(m.Measure), m.Target, m.ToDate, m.Projection, OnTrack(m.IsOnTrack) })]);
        if (progress.Sections.Count > 0)
        {
            yield return new ReportTable("表7 断面水质目标完成情况", "表7 断面目标", ["断面", "代码", "目标类别", "截至目前", "年末预测", "预计完成"],
                [.. progress.Sections.Select(s => new object?[]
                {
                    s.Name, s.Section.Value, ClassName(s.TargetClass), ClassName(s.ClassToDate), ClassName(s.ProjectedClass), OnTrack(s.IsOnTrack),
                })]);
        }
    }

    private static string MeasureName(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Pm25 => "PM2.5年均浓度(μg/m³)",
        TargetMeasure.GoodDayRatio => "优良天数比例(%)",
        TargetMeasure.HeavyPollutionDays => "重污染天数",
        TargetMeasure.GoodWaterShare => "优良水质断面比例(%)",
    };

    private static string? OnTrack(bool? isOnTrack) => isOnTrack switch { true => "是", false => "否", null => null };

    private static string? ClassName(int? waterClass) => waterClass is { } c and >= 1 and <= 6 ? new[] { "I", "II", "III", "IV", "V", "劣V" }[c - 1] : null;

    /// <summary>The value the API reports for an item: the mean, or for CO and O3 the percentile.</summary>
    public static decimal? Value(AirPeriodStatistics statistics, AirPollutant pollutant)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        PeriodStatistics item = statistics.Items[(int)pollutant];
        return pollutant is AirPollutant.Co or AirPollutant.O3 ? item.Percentile : item.Mean;
    }

    private static string Summary(List<Unit> rows, IReadOnlyList<RegionRank> ranking, Dictionary<string, int> ranks, string regionName, string month, string unitWord)
    {
        decimal? share = ReportNumbers.Mean(rows.Select(r => r.Now.Days.GoodDayShare));
        decimal? shareBefore = ReportNumbers.Mean(rows.Select(r => r.Before.Days.GoodDayShare));
        decimal? pm25 = ReportNumbers.Mean(rows.Select(r => Value(r.Now, AirPollutant.Pm25)));
        decimal? pm25Before = ReportNumbers.Mean(rows.Select(r => Value(r.Before, AirPollutant.Pm25)));
        string text = $"{month}，{regionName}{rows.Count}个{unitWord}平均优良天数比例为{ReportNumbers.Text(share)}%，"
            + $"{ReportNumbers.ChangeText(ReportNumbers.Points(share, shareBefore), "个百分点")}；PM2.5平均浓度为{ReportNumbers.Text(pm25)}μg/m³，"
            + $"{ReportNumbers.ChangeText(ReportNumbers.Change(pm25, pm25Before), "%")}（各{unitWord}数值的算术平均）。";
        if (ranking.Count > 0)
        {
            string Name(RegionRank r) => rows.FirstOrDefault(u => u.Code == r.Region)?.Name ?? r.Region;
            text += $"参与排名的{ranking.Count}个{unitWord}中，综合指数最小（空气质量相对较好）的是{Name(ranking[0])}（{ReportNumbers.Text(ranking[0].Index)}），"
                + $"最大的是{Name(ranking[^1])}（{ReportNumbers.Text(ranking[^1].Index)}）。";
        }

        return text + (ranks.Count < rows.Count ? $"{rows.Count - ranks.Count}个{unitWord}因监测项目数据不全未参与排名。" : "");
    }

    private static ReportTable LevelTable(List<Unit> rows, Dictionary<string, int> ranks, string unitWord) => new(
        $"表1 各{unitWord}优良天数比例、级别分布及综合指数", "表1 级别与综合指数",
        [unitWord, "代码", "有效天数", "优良天数比例(%)", "同比变化(百分点)", "优(%)", "良(%)", "轻度污染(%)", "中度污染(%)", "重度污染(%)", "严重污染(%)", "综合指数", "排名", "最大指数污染物"],
        [.. rows.Select(r => new object?[]
        {
            r.Name, r.Code, r.Now.Days.ValidDays, r.Now.Days.GoodDayShare, ReportNumbers.Points(r.Now.Days.GoodDayShare, r.Before.Days.GoodDayShare),
            ReportNumbers.Share(r.Now.Days.DaysByLevel[0], r.Now.Days.ValidDays), ReportNumbers.Share(r.Now.Days.DaysByLevel[1], r.Now.Days.ValidDays),
            ReportNumbers.Share(r.Now.Days.DaysByLevel[2], r.Now.Days.ValidDays), ReportNumbers.Share(r.Now.Days.DaysByLevel[3], r.Now.Days.ValidDays),
            ReportNumbers.Share(r.Now.Days.DaysByLevel[4], r.Now.Days.ValidDays), ReportNumbers.Share(r.Now.Days.DaysByLevel[5], r.Now.Days.ValidDays),
            r.Now.Index.Index, ranks.TryGetValue(r.Code, out int rank) ? rank : null,
            r.Now.Index.MaxPollutant is { } p ? AirPollutantFacts.Name(p) : null,
        })]);

    private static ReportTable PollutantTable(List<Unit> rows, string unitWord)
    {
        List<string> header = [unitWord, "代码"];
        foreach (AirPollutant p in Order)
        {
            string name = ItemName(p);
            header.Add(name);
            header.Add(name + "同比(%)");
        }

        return new ReportTable($"表2 各{unitWord}六项污染物浓度及同比变化（CO为mg/m³，其余为μg/m³）", "表2 六项污染物", header,
            [.. rows.Select(r =>
            {
                List<object?> cells = [r.Name, r.Code];
                foreach (AirPollutant p in Order)
                {
                    cells.Add(Value(r.Now, p));
                    cells.Add(ReportNumbers.Change(Value(r.Now, p), Value(r.Before, p)));
                }

                return cells.ToArray();
            })]);
    }

    /// <summary>The column heading of an item in table 2.</summary>
    public static string ItemName(AirPollutant pollutant) => pollutant switch
    {
        AirPollutant.O3 => "O3-8h-90per",
        AirPollutant.Co => "CO-95per",
        _ => AirPollutantFacts.Name(pollutant),
    };

    private static ReportTable BandTable(List<Unit> rows, string unitWord)
    {
        (string Name, Func<decimal, bool> Holds)[] bands =
        [
            ("100%", s => s == 100m), ("80%（含）～100%", s => s is >= 80m and < 100m),
            ("50%（含）～80%", s => s is >= 50m and < 80m), ("低于50%", s => s < 50m),
        ];
        return new ReportTable($"表3 优良天数比例分段{unitWord}数", "表3 优良天数分段", ["优良天数比例", $"{unitWord}数", unitWord],
            [.. bands.Select(b =>
            {
                string[] names = [.. rows.Where(r => r.Now.Days.GoodDayShare is { } s && b.Holds(s)).Select(r => r.Name)];
                return new object?[] { b.Name, names.Length, names.Length == 0 ? null : string.Join("、", names) };
            })]);
    }

    private static ReportTable BestWorstTable(IReadOnlyList<RegionRank> ranking, string unitWord)
    {
        int k = Math.Min(5, (ranking.Count + 1) / 2);
        IEnumerable<(string, RegionRank)> best = ranking.Take(k).Select(r => ("相对较好", r));
        IEnumerable<(string, RegionRank)> worst = ranking.Skip(ranking.Count - k).Reverse().Select(r => ("相对较差", r));
        return new ReportTable($"表4 综合指数相对较好和较差的{unitWord}", "表4 综合指数前后", ["类别", "排名", "代码", "综合指数"],
            [.. best.Concat(worst).Select(x => new object?[] { x.Item1, x.Item2.Rank, x.Item2.Region, x.Item2.Index })]);
    }

    private static ReportTable PrimaryTable(List<Unit> rows, string unitWord) => new(
        $"表5 最大指数污染物的{unitWord}数", "表5 主要污染物", ["污染物", $"{unitWord}数"],
        [.. Order.Select(p => new object?[] { AirPollutantFacts.Name(p), rows.Count(r => r.Now.Index.MaxPollutant == p) })]);

    private sealed record Unit(string Code, string Name, AirPeriodStatistics Now, AirPeriodStatistics Before);
}
