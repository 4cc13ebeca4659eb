using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Rounding;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Evaluates one station-day from its hourly observations: the hourly AQI of every hour that has an observation of
/// the six pollutants (HJ 633-2012 clause 5.1) and the day's values and daily AQI (clause 5.2) with the validity of
/// GB 3095-2012 Table 4. Only values flagged N (normal, HJ 212-2017) count; other flags are missing data. Daily values
/// are rounded per GB/T 8170 (0 decimals, CO 1) before the AQI, as HJ 663-2013 reports them. Pure and thread-safe.
/// </summary>
internal static class StationDayEvaluator
{
    private const int Pollutants = 6;

    /// <summary>
    /// <paramref name="observations"/>: the station's hourly observations of the day (any parameter; others are ignored).
    /// </summary>
    /// <remarks>
    /// With <paramref name="areValuesJudged"/> every value given counts (the quality checks and review already left out the
    /// invalid ones, so a flag S value or one a reviewer confirmed is used); otherwise only values flagged N count.
    /// </remarks>
    public static (IReadOnlyList<HourlyAqiRecord> Hours, DailyAqiRecord Day) Evaluate(StationDay stationDay, IReadOnlyList<Observation> observations, bool areValuesJudged = false)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var values = new decimal?[Pollutants][];
        for (int p = 0; p < Pollutants; p++)
        {
            values[p] = new decimal?[24];
        }

        bool[] hasObservation = new bool[24];
        Instant start = stationDay.Start;
        foreach (Observation o in observations)
        {
            long hour = (long)(o.PeriodStart - start).TotalHours;
            if (o.Interval != ObservationInterval.Hour || hour is < 0 or >= 24 || !AirParameters.TryGet(o.Parameter, out AirPollutant pollutant))
            {
                continue;
            }

            hasObservation[hour] = true;
            values[(int)pollutant][hour] = areValuesJudged || o.Flag == DataFlag.Normal ? o.Value : null;
        }

        DailyAqiRecord day = Daily(EvaluationSubject.Of(stationDay.Station), stationDay.Day, values);
        List<HourlyAqiRecord> hours = [];
        for (int h = 0; h < 24; h++)
        {
            if (hasObservation[h])
            {
                hours.Add(Hourly(EvaluationSubject.Of(stationDay.Station), start + Duration.FromHours(h), Column(values, h), day.So2));
            }
        }

        return (hours, day);
    }

    /// <summary>The hourly record of concentrations indexed by <see cref="AirPollutant"/>; <paramref name="so2Daily"/> serves the SO2 &gt; 800 rule.</summary>
    public static HourlyAqiRecord Hourly(EvaluationSubject subject, Instant hour, decimal?[] c, decimal? so2Daily)
    {
        AqiResult aqi = AqiCalculator.Hourly(new HourlyAqiInput(c[0], c[1], c[2], c[3], c[4], c[5], so2Daily));
        return new HourlyAqiRecord
        {
            Subject = subject, HourStart = hour, So2 = c[0], No2 = c[1], Pm10 = c[2], Pm25 = c[3], Co = c[4], O3 = c[5],
            Aqi = aqi.Aqi, Primary = AirParameters.Names(aqi.Primary), Exceeding = AirParameters.Names(aqi.Exceeding),
        };
    }

    /// <summary>The daily record from daily values: SO2, NO2, PM10, PM2.5, CO, O3 1-h max, O3 8-h max (already valid and rounded).</summary>
    public static DailyAqiRecord FromDailyValues(EvaluationSubject subject, LocalDate day, decimal?[] d)
    {
        AqiResult aqi = AqiCalculator.Daily(new DailyAqiInput(d[0], d[1], d[2], d[3], d[4], d[5], d[6]));
        return new DailyAqiRecord
        {
            Subject = subject, Day = day, So2 = d[0], No2 = d[1], Pm10 = d[2], Pm25 = d[3], Co = d[4], O3MaxHour = d[5],
            O3MaxEightHour = d[6], IsValid = Array.TrueForAll(d, v => v.HasValue), Aqi = aqi.Aqi,
            Primary = AirParameters.Names(aqi.Primary), Exceeding = AirParameters.Names(aqi.Exceeding),
        };
    }

    /// <summary>Rounds a reported concentration of <paramref name="pollutant"/> per GB/T 8170.</summary>
    public static decimal? Round(AirPollutant pollutant, decimal? value) =>
        value is { } v ? GbT8170.Round(v, AirPollutantFacts.Decimals(pollutant)) : null;

    private static DailyAqiRecord Daily(EvaluationSubject subject, LocalDate day, decimal?[][] values)
    {
        var daily = new decimal?[7];
        for (int p = 0; p < (int)AirPollutant.O3; p++)
        {
            MeanResult mean = HourlyAverager.DailyMean(values[p]);
            daily[p] = mean.IsValid ? Round((AirPollutant)p, mean.Value) : null;
        }

        decimal?[] o3 = values[(int)AirPollutant.O3];
        // The O3 1-h maximum is taken when the day has as many valid hours as a 24-h mean needs (GB 3095-2012
        // Table 4 states no separate rule for it; see docs/standards.md "Wired into the platform").
        daily[5] = HourlyAverager.DailyMean(o3).IsValid ? o3.Max() : null;
        DailyMaxEightHourResult eight = DailyMaxEightHour.Compute(o3);
        daily[6] = eight.IsValid ? Round(AirPollutant.O3, eight.Value) : null;
        return FromDailyValues(subject, day, daily);
    }

    private static decimal?[] Column(decimal?[][] values, int hour)
    {
        var column = new decimal?[Pollutants];
        for (int p = 0; p < Pollutants; p++)
        {
            column[p] = values[p][hour];
        }

        return column;
    }
}
