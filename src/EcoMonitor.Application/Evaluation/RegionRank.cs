namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// One city or county in a ranking (<see cref="AirRanking"/>): the numbers it was ranked by, this period and the same
/// period of the previous year. Ties share a rank (1, 1, 3).
/// </summary>
/// <param name="Region">The city's or county's region code.</param>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="Index">The comprehensive index of the period (whatever the measure).</param>
/// <param name="Statistics">The region's period statistics, including its index.</param>
public sealed record RegionRank(string Region, int Rank, decimal? Index, AirPeriodStatistics Statistics)
{
    /// <summary>What the ranking is by.</summary>
    public AirRankingMeasure Measure { get; init; }

    /// <summary>
    /// The measure's value this period (for <see cref="AirRankingMeasure.Improvement"/> the comprehensive index): the
    /// index, the good-day ratio in %, or the pollutant's statistic (µg/m³, CO mg/m³).
    /// </summary>
    public decimal Current { get; init; }

    /// <summary>The same value for the same period of the previous year; null when that period has none.</summary>
    public decimal? LastYear { get; init; }

    /// <summary>
    /// The change against last year: the rate in % (<see cref="Standards.Air.ChangeRate"/>) for the index and the
    /// pollutants, the difference in percentage points for the good-day ratio; null without last year's value.
    /// </summary>
    public decimal? Change { get; init; }

    /// <summary>The region's statistics of the same period last year; null when it has no stored day then.</summary>
    public AirPeriodStatistics? LastYearStatistics { get; init; }
}
