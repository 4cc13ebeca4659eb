using System.Globalization;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Reports;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;
using NodaTime;

namespace EcoMonitor.Reports;

/// <summary>
/// The monthly surface-water report (地表水环境质量月报) of a province or a city: every section's class with its exceeding
/// items and multiples, the shares of the classes (with a chart) against the same month a year before, the region's
/// exceeding items by section exceedance rate, the city CWQI ranking, the basin and river ratings and the lakes'
/// trophic states. Every number is the API's for the month: the sections and ratings from
/// <see cref="WaterBodyAssessmentService"/> (<c>/rankings/water/basins</c>, <c>/water/lakes/trophic</c>), the ranking
/// from <see cref="WaterRankingService"/> (<c>/rankings/water/cities?within=</c>); shares are derived as those endpoints
/// derive them (<see cref="WaterShares"/>).
/// </summary>
public sealed class MonthlyWaterReportBuilder(
    WaterBodyAssessmentService assessments, WaterRankingService rankings, ReportUnits units, ParameterCatalog parameters, ChartRenderer charts)
{
    private static readonly string[] ClassNames = ["I类", "II类", "III类", "IV类", "V类", "劣V类"];

    /// <summary>The report of <paramref name="region"/> (a province or city) for <paramref name="month"/>.</summary>
    public async Task<ReportDocument> BuildAsync(RegionCode region, YearMonth month, CancellationToken cancellationToken)
    {
        _ = ReportUnits.ScopeOf(region);   // refuses a county, like the air reports
        LocalDate first = month.OnDayOfMonth(1), last = first.PlusMonths(1).PlusDays(-1);
        IReadOnlyList<WaterSectionPeriod> sections = await assessments.SectionsAsync(first, last, region, cancellationToken);
        IReadOnlyList<WaterSectionPeriod> before = await assessments.SectionsAsync(first.PlusYears(-1), last.PlusYears(-1), region, cancellationToken);
        IReadOnlyList<WaterCityRank> ranking = await rankings.RankCitiesAsync(first, last, byImprovement: false, region, cancellationToken);
        IReadOnlyList<WaterBodyRating> basins = WaterBodyAssessmentService.Rate(sections, WaterBodyGrouping.Basin);
        IReadOnlyList<WaterBodyRating> rivers = WaterBodyAssessmentService.Rate(sections, WaterBodyGrouping.River);
        IReadOnlyList<LakeTrophicState> lakes = WaterBodyAssessmentService.Lakes(sections);
        IReadOnlyList<ItemExceedance> exceedances = WaterBodyExceedances.Of([.. sections.Select(s => s.Assessment)]);
        string regionName = units.NameOf(region.Value);
        string monthText = $"{month.Year}年{month.Month}月";
        int[] counts = Counts(sections), countsBefore = Counts(before);

        var blocks = new List<ReportBlock>
        {
            new ReportHeading("一、总体状况"),
            new ReportParagraph(Summary(regionName, monthText, sections.Count, counts, countsBefore, before.Count, exceedances)),
            new ReportHeading("二、断面水质类别"),
            ClassTable(counts, sections.Count, countsBefore, before.Count),
            charts.Bars("各类水质断面比例（%）", "断面比例（%）", ClassNames, [.. counts.Select(c => (double)WaterShares.Percent(c, sections.Count))]),
            SectionTable(sections),
            new ReportHeading("三、超标项目"),
            ExceedanceTable("表3 超标项目及断面超标率", "表3 超标项目", exceedances),
            new ReportHeading("四、城市地表水环境质量排名"),
            RankingTable(ranking),
            new ReportHeading("五、流域和河流水质"),
            RatingTable("表5 流域水质状况", "表5 流域", "流域", basins),
            RatingTable("表6 河流水质状况", "表6 河流", "河流", rivers),
            new ReportHeading("六、湖泊（水库）营养状态"),
            LakeTable(lakes),
            new ReportParagraph(
                "说明：数据来自本平台审核后的地表水自动监测日均值；断面月均值为各项目日均值的算术平均，按GB 3838-2002和《地表水环境质量评价办法（试行）》"
                + "单因子评价（水温、总氮、粪大肠菌群不参与评价，湖库总磷按湖库标准），超标倍数为(C−Ⅲ类标准)/Ⅲ类标准；流域、河流断面数不少于5个时按断面类别比例评价，"
                + "少于5个时按各项目断面均值评价；城市排名按《城市地表水环境质量排名技术规定（试行）》的CWQI（越小越好）；湖库营养状态按综合营养状态指数TLI(Σ)，"
                + "叶绿素a、透明度未监测的湖库不评价。同比为与上年同月相比。"),
        };
        return new ReportDocument(ReportKind.MonthlyWater, region.Value, ReportPeriods.Format(month), $"{regionName}地表水环境质量月报", monthText, blocks)
        {
            HasData = sections.Count > 0,
        };
    }

    private static int[] Counts(IReadOnlyList<WaterSectionPeriod> sections)
    {
        int[] counts = new int[6];
        foreach (WaterSectionPeriod section in sections)
        {
            counts[(int)section.Assessment.Class - 1]++;
        }

        return counts;
    }

    private string Summary(string regionName, string monthText, int total, int[] counts, int[] countsBefore, int totalBefore, IReadOnlyList<ItemExceedance> exceedances)
    {
        if (total == 0)
        {
            return $"{monthText}，{regionName}无有效的地表水断面监测数据。";
        }

        decimal good = WaterShares.Percent(counts[0] + counts[1] + counts[2], total), worst = WaterShares.Percent(counts[5], total);
        decimal? goodBefore = totalBefore == 0 ? null : WaterShares.Percent(countsBefore[0] + countsBefore[1] + countsBefore[2], totalBefore);
        string text = $"{monthText}，{regionName}{total}个地表水监测断面中，I～III类水质断面比例为{ReportNumbers.Text(good)}%，"
            + $"{ReportNumbers.ChangeText(ReportNumbers.Points(good, goodBefore), "个百分点")}；劣V类断面比例为{ReportNumbers.Text(worst)}%。";
        return text + (exceedances.Count == 0
            ? "无断面超过III类标准的项目。"
            : $"超过III类标准的项目有{string.Join("、", exceedances.Select(e => $"{ItemName(e.Item)}（断面超标率{ReportNumbers.Text(e.Rate)}%）"))}。");
    }

    private static ReportTable ClassTable(int[] counts, int total, int[] countsBefore, int totalBefore) => new(
        "表1 各类水质断面数及比例", "表1 类别比例", ["水质类别", "断面数", "比例(%)", "上年同期比例(%)"],
        [.. ClassNames.Select((name, i) => new object?[]
        {
            name, counts[i], WaterShares.Percent(counts[i], total), totalBefore == 0 ? null : WaterShares.Percent(countsBefore[i], totalBefore),
        })]);

    private ReportTable SectionTable(IReadOnlyList<WaterSectionPeriod> sections) => new(
        "表2 各断面水质类别", "表2 断面", ["断面", "代码", "所在地区", "流域", "水体", "水质类别", "水质状况", "目标类别", "是否达标", "超标项目(超标倍数)"],
        [.. sections.Select(s => new object?[]
        {
            s.Station.Name, s.Station.Id.Value, units.NameOf(s.Station.Region.Value), s.Station.Basin, s.Station.WaterBodyName,
            WaterClassNames.Name(s.Assessment.Class), s.Assessment.Quality,
            s.Station.WaterTargetClass is { } target ? WaterClassNames.Name((WaterClass)target) : "未设定",
            s.MeetsTarget switch { true => "达标", false => "未达标", null => null },
            Exceeding(s.Assessment),
        })]);

    private string? Exceeding(SectionAssessment assessment)
    {
        string[] items = [.. assessment.ItemClasses.Where(c => c.Value > WaterClass.III).OrderBy(c => c.Key)
            .Select(c => assessment.ExceedMultiples.TryGetValue(c.Key, out decimal m)
                ? $"{ItemName(c.Key)}({m.ToString(CultureInfo.InvariantCulture)})" : ItemName(c.Key))];
        return items.Length == 0 ? null : string.Join("、", items);
    }

    private ReportTable ExceedanceTable(string caption, string sheet, IReadOnlyList<ItemExceedance> exceedances) => new(
        caption, sheet, ["项目", "超标断面数", "断面超标率(%)", "最大超标倍数"],
        [.. exceedances.Select(e => new object?[] { ItemName(e.Item), e.Sections, e.Rate, e.MaxMultiple })]);

    private ReportTable RankingTable(IReadOnlyList<WaterCityRank> ranking) => new(
        "表4 城市地表水环境质量指数（CWQI）排名", "表4 城市排名", ["排名", "城市", "代码", "CWQI", "上年同期CWQI", "变化率(%)", "断面数", "达标断面比例(%)"],
        [.. ranking.Select(r => new object?[]
        {
            r.Rank, units.NameOf(r.City), r.City, r.Cwqi, r.LastYear, r.Change, r.Sections, r.TargetShare,
        })]);

    private ReportTable RatingTable(string caption, string sheet, string word, IReadOnlyList<WaterBodyRating> ratings) => new(
        caption, sheet, [word, "断面数", "I～III类比例(%)", "劣V类比例(%)", "评价方法", "水质状况", "主要污染指标"],
        [.. ratings.Select(r => new object?[]
        {
            r.Name, r.Sections, r.GoodShare, r.WorstShare, r.IsByShares ? "断面类别比例" : $"断面均值（{WaterClassNames.Name(r.MeanClass!.Value)}类）",
            r.Rating, r.MainItems.Count == 0 ? null : string.Join("、", r.MainItems.Select(ItemName)),
        })]);

    private static ReportTable LakeTable(IReadOnlyList<LakeTrophicState> lakes) => new(
        "表7 湖泊（水库）营养状态", "表7 湖库",
        ["湖库", "点位数", "叶绿素a(mg/m³)", "总磷(mg/L)", "总氮(mg/L)", "透明度(m)", "高锰酸盐指数(mg/L)", "TLI", "营养状态", "水质类别"],
        [.. lakes.Select(l => new object?[]
        {
            l.Name, l.Sections, Round(l.Chlorophyll), Round(l.Tp), Round(l.Tn), Round(l.Transparency), Round(l.CodMn), l.Tli,
            l.State ?? "未评价（缺" + string.Join("、", l.MissingItems) + "）", WaterClassNames.Name(l.Class),
        })]);

    /// <summary>As <c>/water/lakes/trophic</c> shows a mean: 4 decimals.</summary>
    private static decimal? Round(decimal? value) => value is { } v ? Standards.Rounding.GbT8170.Round(v, 4) : null;

    private string ItemName(SurfaceWaterItem item)
    {
        ParameterCode code = WaterParameters.Items.First(p => p.Value == item).Key;
        return parameters.TryGet(code, out Parameter parameter) ? parameter.NameZh : item.ToString();
    }
}
