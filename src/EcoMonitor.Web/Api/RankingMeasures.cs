using System.Collections.Frozen;
using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Web.Api;

/// <summary>The query names of <see cref="AirRankingMeasure"/> (<c>by=</c>) and their parsing.</summary>
internal static class RankingMeasures
{
    /// <summary>The accepted names, for messages and the OpenAPI description.</summary>
    public const string Forms = "index (default), improvement, goodDays, pm25, pm10, so2, no2, co, o3";

    private static readonly FrozenDictionary<AirRankingMeasure, string> Names = new Dictionary<AirRankingMeasure, string>
    {
        [AirRankingMeasure.Index] = "index",
        [AirRankingMeasure.Improvement] = "improvement",
        [AirRankingMeasure.GoodDays] = "goodDays",
        [AirRankingMeasure.Pm25] = "pm25",
        [AirRankingMeasure.Pm10] = "pm10",
        [AirRankingMeasure.So2] = "so2",
        [AirRankingMeasure.No2] = "no2",
        [AirRankingMeasure.Co] = "co",
        [AirRankingMeasure.O3] = "o3",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, AirRankingMeasure> ByName =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The query name, e.g. <c>goodDays</c>.</summary>
    public static string Name(AirRankingMeasure measure) => Names[measure];

    /// <summary>The measure named <paramref name="name"/> (ordinal); <see cref="AirRankingMeasure.Index"/> when none is given.</summary>
    public static bool TryParse(string? name, out AirRankingMeasure measure)
    {
        measure = AirRankingMeasure.Index;
        return name is null || ByName.TryGetValue(name, out measure);
    }
}
