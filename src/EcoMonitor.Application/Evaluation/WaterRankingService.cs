using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Rounding;
using EcoMonitor.Standards.Water;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// City surface-water rankings per 城市地表水环境质量排名技术规定（试行）(环办监测〔2017〕51号; <c>cwqi-2017.json</c>)
/// from the stored section days: per section the period mean of each GB 3838 item (the mean of its daily means), the
/// section CWQI (<see cref="Standards.Water.Cwqi.Section"/>) and class (<see cref="SectionEvaluator"/>); per city (the
/// prefecture of the section's region) the mean of its sections' CWQI, rounded to 4 decimals (our choice: the 规定's
/// rounding is unconfirmed), ranked ascending (smaller is better, ties share a rank), with the same period of the
/// previous year and the change rate (<see cref="ChangeRate"/>), and the share of sections meeting their target class
/// (the one set for the year by the targets, ADR 0040, else the registry's). Computed on each call. Thread-safe.
/// </summary>
public sealed class WaterRankingService(IEvaluationStore store, IStationStore stations, ISectionTargetClasses targetClasses)
{
    /// <summary>
    /// Cities ranked by CWQI or, when <paramref name="byImprovement"/>, by its change rate (cities without last year left
    /// out); with <paramref name="within"/> only the sections in that province or city, ranked among themselves.
    /// </summary>
    public async Task<IReadOnlyList<WaterCityRank>> RankCitiesAsync(
        LocalDate firstDay, LocalDate lastDay, bool byImprovement, RegionCode? within, CancellationToken cancellationToken)
    {
        var sections = (await stations.ListAsync(cancellationToken))
            .Where(s => s.Type == StationType.SurfaceWater && (within is not { } area || area.Contains(s.Region))).ToDictionary(s => s.Id);
        Dictionary<string, CityFigures> now = Figures(
            await store.QueryWaterDaysAsync(null, firstDay, lastDay, cancellationToken), sections,
            await WaterSectionPeriod.YearClassesAsync(targetClasses, firstDay, lastDay, cancellationToken));
        Dictionary<string, CityFigures> before = Figures(
            await store.QueryWaterDaysAsync(null, firstDay.PlusYears(-1), lastDay.PlusYears(-1), cancellationToken), sections,
            await WaterSectionPeriod.YearClassesAsync(targetClasses, firstDay.PlusYears(-1), lastDay.PlusYears(-1), cancellationToken));
        List<WaterCityRank> rows = [];
        foreach ((string city, CityFigures figures) in now)
        {
            decimal? last = before.TryGetValue(city, out CityFigures? old) ? old.Cwqi : null;
            decimal? change = ChangeRate.Of(figures.Cwqi, last);
            if (!byImprovement || change is not null)
            {
                rows.Add(new WaterCityRank(city, 0, figures.Cwqi, last, change, figures.Sections, figures.WithTarget, figures.MeetingTarget));
            }
        }

        var byCity = rows.ToDictionary(r => r.City, StringComparer.Ordinal);
        return [.. CityRanking.Rank(rows.Select(r => (r.City, byImprovement ? r.Change!.Value : r.Cwqi))).Select(r => byCity[r.Name] with { Rank = r.Rank })];
    }

    private static Dictionary<string, CityFigures> Figures(
        IReadOnlyList<WaterDayRecord> days, Dictionary<StationId, Station> sections, IReadOnlyDictionary<StationId, int> yearClasses) =>
        WaterSectionPeriod.Of(days, sections, yearClasses)
            .GroupBy(s => s.Station.Region.Prefecture.Value, StringComparer.Ordinal)
            .ToDictionary(
                c => c.Key,
                c => new CityFigures(GbT8170.Round(Standards.Water.Cwqi.City([.. c.Select(s => s.Cwqi)])!.Value, 4), c.Count(),
                    c.Count(s => s.MeetsTarget is not null), c.Count(s => s.MeetsTarget is true)),
                StringComparer.Ordinal);

    private sealed record CityFigures(decimal Cwqi, int Sections, int WithTarget, int MeetingTarget);
}
