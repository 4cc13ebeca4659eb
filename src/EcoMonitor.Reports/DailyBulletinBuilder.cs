using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Reports;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Reports;

/// <summary>
/// The daily air bulletin (空气质量日报) of a province (its cities) or a city (its counties) for one day: each unit's
/// daily AQI, level, category, primary pollutants and daily values as <c>/regions/{code}/aqi?interval=day</c> serves them
/// (<see cref="IEvaluationStore.QueryDailyAsync"/>), and the summary: units reported, good days (AQI ≤ 100), their share.
/// </summary>
public sealed class DailyBulletinBuilder(IEvaluationStore evaluations, ReportUnits units, ChartRenderer charts)
{
    /// <summary>The bulletin of <paramref name="region"/> for <paramref name="day"/>.</summary>
    public async Task<ReportDocument> BuildAsync(RegionCode region, LocalDate day, CancellationToken cancellationToken)
    {
        EvaluationScope scope = ReportUnits.ScopeOf(region);
        IReadOnlyList<EvaluationSubject> subjects = await units.ListAsync(region, cancellationToken);
        var records = (await evaluations.QueryDailyAsync(scope, null, day, day, cancellationToken))
            .ToDictionary(r => r.Subject.Code, StringComparer.Ordinal);
        string unitWord = scope == EvaluationScope.City ? "城市" : "区县";
        string regionName = units.NameOf(region.Value);
        string dayText = $"{day.Year}年{day.Month}月{day.Day}日";
        var rows = subjects.Select(s => (Code: s.Code, Name: units.NameOf(s.Code), Record: records.GetValueOrDefault(s.Code))).ToList();
        var reported = rows.Where(r => r.Record?.Aqi is not null).ToList();
        int good = reported.Count(r => r.Record!.Aqi <= 100);
        string summary = $"{dayText}，{regionName}{rows.Count}个{unitWord}中{reported.Count}个有日空气质量指数（AQI），"
            + $"其中{good}个{unitWord}空气质量达到优良，占{ReportNumbers.Text(ReportNumbers.Share(good, reported.Count))}%";
        if (reported.Count > 0)
        {
            var worst = reported.MaxBy(r => r.Record!.Aqi)!;
            summary += $"；AQI最高的是{worst.Name}（{worst.Record!.Aqi}，{AqiCategories.For(worst.Record.Aqi!.Value).Name}）";
        }

        var blocks = new List<ReportBlock> { new ReportHeading("一、总体状况"), new ReportParagraph(summary + "。") };
        if (scope == EvaluationScope.County)
        {
            IReadOnlyList<DailyAqiRecord> cityDays = await evaluations.QueryDailyAsync(EvaluationScope.City, region.Value, day, day, cancellationToken);
            DailyAqiRecord? city = cityDays.Count > 0 ? cityDays[0] : null;
            blocks.Add(new ReportParagraph(city?.Aqi is { } aqi
                ? $"{regionName}（全市）日AQI为{aqi}，{AqiCategories.For(aqi).Name}，首要污染物：{Primary(city.Primary)}。"
                : $"{regionName}（全市）当日无有效AQI。"));
        }

        blocks.Add(new ReportHeading($"二、各{unitWord}空气质量"));
        blocks.Add(new ReportTable($"表1 各{unitWord}空气质量日报（CO为mg/m³，其余为μg/m³）", "表1 日报",
            [unitWord, "代码", "AQI", "级别", "类别", "首要污染物", "PM2.5", "PM10", "O3-8h", "SO2", "NO2", "CO"],
            [.. rows.Select(r =>
            {
                AqiCategory? category = r.Record?.Aqi is { } aqi ? AqiCategories.For(aqi) : null;
                return new object?[]
                {
                    r.Name, r.Code, r.Record?.Aqi, category?.LevelName, category?.Name, r.Record is null ? null : Primary(r.Record.Primary),
                    r.Record?.Pm25, r.Record?.Pm10, r.Record?.O3MaxEightHour, r.Record?.So2, r.Record?.No2, r.Record?.Co,
                };
            })]));
        blocks.Add(charts.Bars($"各{unitWord}日空气质量指数", "AQI", [.. reported.Select(r => r.Name)], [.. reported.Select(r => (double)r.Record!.Aqi!.Value)]));
        blocks.Add(new ReportParagraph("说明：日AQI按HJ 633-2012由各项污染物24小时平均（O3为日最大8小时滑动平均）计算；AQI不大于50时不报首要污染物。"));
        return new ReportDocument(ReportKind.DailyBulletin, region.Value, ReportPeriods.Format(day), $"{regionName}空气质量日报", dayText, blocks)
        {
            HasData = reported.Count > 0,
        };
    }

    /// <summary>The primary pollutants as the bulletin shows them: names joined with 、, "—" when none.</summary>
    public static string Primary(string stored) =>
        string.IsNullOrEmpty(stored) ? ReportTable.Empty : string.Join("、", stored.Split(',', StringSplitOptions.RemoveEmptyEntries));
}
