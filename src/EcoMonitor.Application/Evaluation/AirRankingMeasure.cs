namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// What cities and counties are ranked by (城市环境空气质量排名技术规定, <c>city-air-ranking-2018.json</c> <c>ranking</c>):
/// the comprehensive index, its change against the same period of the previous year, the good-day ratio, or one
/// pollutant's HJ 663-2013 statistic for the period (the C_i of the comprehensive index).
/// </summary>
public enum AirRankingMeasure
{
    /// <summary>综合指数, ascending.</summary>
    Index,

    /// <summary>改善幅度: the change rate of the comprehensive index against the same period last year, ascending (largest fall first).</summary>
    Improvement,

    /// <summary>优良天数比例, descending.</summary>
    GoodDays,

    /// <summary>PM2.5 period mean, ascending.</summary>
    Pm25,

    /// <summary>PM10 period mean, ascending.</summary>
    Pm10,

    /// <summary>SO2 period mean, ascending.</summary>
    So2,

    /// <summary>NO2 period mean, ascending.</summary>
    No2,

    /// <summary>CO 95th percentile of the 24-h means, ascending.</summary>
    Co,

    /// <summary>O3 90th percentile of the daily maximum 8-h means, ascending.</summary>
    O3,
}
