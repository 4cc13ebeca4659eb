using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The daily values and daily AQI of a station or a city for one day (00:00–24:00 CST). Each daily value is null when
/// it is not valid per GB 3095-2012 Table 4 (24-h mean: ≥ 20 hours; O3 daily maximum 8-h: ≥ 14 valid windows) and is
/// rounded per GB/T 8170 as HJ 663-2013 reports it (0 decimals, CO 1). A city's values are the means of its
/// stations' valid daily values (HJ 663-2013 clause 4), then rounded. Pollutant lists as in <see cref="HourlyAqiRecord"/>.
/// </summary>
public sealed record DailyAqiRecord
{
    /// <summary>Station or city.</summary>
    public required EvaluationSubject Subject { get; init; }

    /// <summary>The day in China Standard Time.</summary>
    public required LocalDate Day { get; init; }

    /// <summary>SO2 24-h mean, µg/m³.</summary>
    public decimal? So2 { get; init; }

    /// <summary>NO2 24-h mean, µg/m³.</summary>
    public decimal? No2 { get; init; }

    /// <summary>PM10 24-h mean, µg/m³.</summary>
    public decimal? Pm10 { get; init; }

    /// <summary>PM2.5 24-h mean, µg/m³.</summary>
    public decimal? Pm25 { get; init; }

    /// <summary>CO 24-h mean, mg/m³.</summary>
    public decimal? Co { get; init; }

    /// <summary>O3 maximum 1-h value of the day, µg/m³.</summary>
    public decimal? O3MaxHour { get; init; }

    /// <summary>O3 daily maximum 8-h mean, µg/m³.</summary>
    public decimal? O3MaxEightHour { get; init; }

    /// <summary>True when all seven daily values are valid (the day's AQI covers every item).</summary>
    public bool IsValid { get; init; }

    /// <summary>Daily AQI (HJ 633-2012) of the valid values; null when none is valid.</summary>
    public int? Aqi { get; init; }

    /// <summary>Primary pollutants (only when AQI &gt; 50).</summary>
    public string Primary { get; init; } = "";

    /// <summary>Pollutants whose IAQI exceeds 100.</summary>
    public string Exceeding { get; init; } = "";

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when a daily value has more than one decimal: daily values are stored
    /// rounded (GB/T 8170: 0 decimals, CO 1), and the stores keep them as exact tenths.
    /// </summary>
    public void EnsureRounded()
    {
        foreach (decimal? value in (ReadOnlySpan<decimal?>)[So2, No2, Pm10, Pm25, Co, O3MaxHour, O3MaxEightHour])
        {
            if (value is { } v && v * 10m != decimal.Truncate(v * 10m))
            {
                throw new ArgumentException($"Daily value {v} of {Subject} on {Day} has more than one decimal; daily values are stored rounded (GB/T 8170).");
            }
        }
    }
}
