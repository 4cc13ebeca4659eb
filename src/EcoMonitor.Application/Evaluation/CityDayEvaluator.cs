using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// A city's hourly and daily results from its stations', HJ 663-2013 clause 4 (<c>city_value</c>): each
/// concentration of the city is the mean of its stations' valid values for the same period
/// (<see cref="CityConcentration.Mean"/>), rounded per GB/T 8170, and the AQI is computed from those means
/// (HJ 633-2012), never by averaging station AQI. Pure and thread-safe.
/// </summary>
internal static class CityDayEvaluator
{
    /// <summary>City hours from the hourly records of its stations (any order); one record per hour any station has.</summary>
    public static IReadOnlyList<HourlyAqiRecord> Hours(EvaluationSubject city, IEnumerable<HourlyAqiRecord> stationHours) =>
        [.. stationHours.GroupBy(r => r.HourStart).OrderBy(g => g.Key).Select(g => StationDayEvaluator.Hourly(city, g.Key,
        [
            Mean(AirPollutant.So2, g.Select(r => r.So2)), Mean(AirPollutant.No2, g.Select(r => r.No2)),
            Mean(AirPollutant.Pm10, g.Select(r => r.Pm10)), Mean(AirPollutant.Pm25, g.Select(r => r.Pm25)),
            Mean(AirPollutant.Co, g.Select(r => r.Co)), Mean(AirPollutant.O3, g.Select(r => r.O3)),
        ], so2Daily: null))];

    /// <summary>The city's day from the daily records of its stations for that day.</summary>
    public static DailyAqiRecord Day(EvaluationSubject city, LocalDate day, IReadOnlyCollection<DailyAqiRecord> stationDays) =>
        StationDayEvaluator.FromDailyValues(city, day,
        [
            Mean(AirPollutant.So2, stationDays.Select(r => r.So2)), Mean(AirPollutant.No2, stationDays.Select(r => r.No2)),
            Mean(AirPollutant.Pm10, stationDays.Select(r => r.Pm10)), Mean(AirPollutant.Pm25, stationDays.Select(r => r.Pm25)),
            Mean(AirPollutant.Co, stationDays.Select(r => r.Co)), Mean(AirPollutant.O3, stationDays.Select(r => r.O3MaxHour)),
            Mean(AirPollutant.O3, stationDays.Select(r => r.O3MaxEightHour)),
        ]);

    private static decimal? Mean(AirPollutant pollutant, IEnumerable<decimal?> values) =>
        StationDayEvaluator.Round(pollutant, CityConcentration.Mean(values));
}
