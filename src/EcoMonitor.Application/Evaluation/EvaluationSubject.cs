using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>A station (by MN), a city (by its prefecture region code) or a county (by its code) whose air quality is evaluated.</summary>
/// <param name="Scope">Station, city or county, or a city or county in one network.</param>
/// <param name="Code">The station's MN, the region's 6-digit code, or that code and a network (<see cref="InNetwork"/>).</param>
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

    /// <summary>
    /// This city's or county's figures from the stations of <paramref name="network"/> only (ADR 0037): scope
    /// <see cref="EvaluationScope.CityNetwork"/> or <see cref="EvaluationScope.CountyNetwork"/>, code
    /// <c>{region code}:{network name}</c>. Other subjects throw.
    /// </summary>
    public EvaluationSubject InNetwork(AssessmentNetworks network) => Scope switch
    {
        EvaluationScope.City => new(EvaluationScope.CityNetwork, $"{Code}:{AssessmentNetworkNames.Of(network)}"),
        EvaluationScope.County => new(EvaluationScope.CountyNetwork, $"{Code}:{AssessmentNetworkNames.Of(network)}"),
        _ => throw new InvalidOperationException($"{this} is not the official subject of a city or county."),
    };

    /// <summary>The code without its network: a region's 6-digit code, a station's MN.</summary>
    public string Place => Code.IndexOf(':', StringComparison.Ordinal) is var at and >= 0 ? Code[..at] : Code;

    /// <inheritdoc />
    public override string ToString() => $"{Scope} {Code}";
}
