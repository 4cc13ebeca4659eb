using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>A station (by MN), a city (by its prefecture region code) or a county (by its code) whose air quality is evaluated.</summary>
/// <param name="Scope">Station or city.</param>
/// <param name="Code">The station's MN or the city's 6-digit region code.</param>
public readonly record struct EvaluationSubject(EvaluationScope Scope, string Code)
{
    /// <summary>The subject of one station.</summary>
    public static EvaluationSubject Of(StationId station) => new(EvaluationScope.Station, station.Value);

    /// <summary>The subject of a city (the prefecture of <paramref name="region"/>).</summary>
    public static EvaluationSubject Of(RegionCode region) => new(EvaluationScope.City, region.Prefecture.Value);

    /// <summary>The subject of a county (a county-level code, not ending in 00).</summary>
    public static EvaluationSubject OfCounty(RegionCode county) =>
        county.Prefecture == county
            ? throw new ArgumentException($"'{county}' is a city or province code, not a county's.", nameof(county))
            : new(EvaluationScope.County, county.Value);

    /// <inheritdoc />
    public override string ToString() => $"{Scope} {Code}";
}
