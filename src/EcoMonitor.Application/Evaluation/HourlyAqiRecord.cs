using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The hourly (real-time) AQI of a station or a city for one hour, HJ 633-2012, with the concentrations it was
/// computed from (µg/m³, CO mg/m³; a city's are the means of its stations' valid values, HJ 663-2013, rounded per GB/T 8170). Pollutant lists are
/// comma-separated names in HJ 633 order (SO2, NO2, PM10, PM2.5, CO, O3, O3_8h), empty when none.
/// </summary>
public sealed record HourlyAqiRecord
{
    /// <summary>Station or city.</summary>
    public required EvaluationSubject Subject { get; init; }

    /// <summary>Start of the hour (ADR 0002: a value at 08:00 covers 08:00–09:00 CST).</summary>
    public required Instant HourStart { get; init; }

    /// <summary>SO2 1-h concentration, µg/m³.</summary>
    public decimal? So2 { get; init; }

    /// <summary>NO2 1-h concentration, µg/m³.</summary>
    public decimal? No2 { get; init; }

    /// <summary>PM10 1-h concentration, µg/m³.</summary>
    public decimal? Pm10 { get; init; }

    /// <summary>PM2.5 1-h concentration, µg/m³.</summary>
    public decimal? Pm25 { get; init; }

    /// <summary>CO 1-h concentration, mg/m³.</summary>
    public decimal? Co { get; init; }

    /// <summary>O3 1-h concentration, µg/m³.</summary>
    public decimal? O3 { get; init; }

    /// <summary>AQI; null when no pollutant had a value.</summary>
    public int? Aqi { get; init; }

    /// <summary>Primary pollutants (only when AQI &gt; 50, HJ 633-2012 clause 4.4).</summary>
    public string Primary { get; init; } = "";

    /// <summary>Pollutants whose IAQI exceeds 100.</summary>
    public string Exceeding { get; init; } = "";
}
