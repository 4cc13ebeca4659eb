using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Reports;

/// <summary>
/// The units a report of a region lists: the cities of a province, or the counties of a city, that have an air-quality
/// station in the registry — the subjects the API evaluates (<c>/regions/{code}/…</c>) — ordered by code, with their
/// names from the region catalog (GB/T 2260).
/// </summary>
public sealed class ReportUnits(IStationStore stations, RegionCatalog catalog)
{
    /// <summary>The scope of <paramref name="region"/>'s units: cities of a province, counties of a city.</summary>
    /// <exception cref="ArgumentException">Not a province or city code.</exception>
    public static EvaluationScope ScopeOf(RegionCode region) =>
        region.Province == region ? EvaluationScope.City
        : region.Prefecture == region ? EvaluationScope.County
        : throw new ArgumentException($"'{region}' is a county; reports cover a province or a city.", nameof(region));

    /// <summary>The units of <paramref name="region"/> (empty when it has no air-quality station).</summary>
    public async Task<IReadOnlyList<EvaluationSubject>> ListAsync(RegionCode region, CancellationToken cancellationToken)
    {
        EvaluationScope scope = ScopeOf(region);
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        return [.. all
            .Where(s => s.Type == StationType.AirQuality && region.Contains(s.Region))
            .Select(s => scope == EvaluationScope.City ? s.Region.Prefecture : s.Region)
            .Where(code => scope == EvaluationScope.City || code != code.Prefecture)
            .Distinct()
            .OrderBy(code => code.Value, StringComparer.Ordinal)
            .Select(code => scope == EvaluationScope.City ? EvaluationSubject.Of(code) : EvaluationSubject.OfCounty(code))];
    }

    /// <summary>The Chinese name of a region, or its code when the catalog has none.</summary>
    public string NameOf(string code) =>
        RegionCode.TryParse(code, out RegionCode region) ? catalog.NameOf(region) ?? code : code;
}
