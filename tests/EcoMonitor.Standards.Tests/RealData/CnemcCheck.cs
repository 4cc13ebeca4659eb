using System.Globalization;
using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>
/// Recomputes the values CNEMC published in the 2019 file from the published hourly concentrations and compares:
/// the real-time AQI (HJ 633-2012) and the 24-h and 8-h moving means (GB 3095-2012 Table 4, GB/T 8170 rounding).
/// </summary>
public static class CnemcCheck
{
    private static readonly string[] DescribedTypes = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3", "O3_8h"];

    public static CheckReport HourlyAqi(CnemcHourlyFile file)
    {
        int aqi = CnemcHourlyFile.TypeIndex("AQI");
        int so2 = CnemcHourlyFile.TypeIndex("SO2"), no2 = CnemcHourlyFile.TypeIndex("NO2");
        int pm10 = CnemcHourlyFile.TypeIndex("PM10"), pm25 = CnemcHourlyFile.TypeIndex("PM2.5");
        int co = CnemcHourlyFile.TypeIndex("CO"), o3 = CnemcHourlyFile.TypeIndex("O3");
        int so2Daily = CnemcHourlyFile.TypeIndex("SO2_24h");
        CheckReport report = new("Hourly AQI");
        for (int s = 0; s < file.Stations.Length; s++)
        {
            for (int h = 0; h < file.HourCount; h++)
            {
                if (file.Get(aqi, s, h) is not { } published)
                {
                    continue;
                }

                HourlyAqiInput input = new(file.Get(so2, s, h), file.Get(no2, s, h), file.Get(pm10, s, h),
                    file.Get(pm25, s, h), file.Get(co, s, h), file.Get(o3, s, h), file.Get(so2Daily, s, h));
                int? ours = AqiCalculator.Hourly(input).Aqi;
                if (ours == published)
                {
                    report.Match();
                    continue;
                }

                string example = string.Create(CultureInfo.InvariantCulture,
                    $"{file.Stations[s]} {CnemcHourlyFile.Label(h)}: published {published:0}, ours {ours?.ToString(CultureInfo.InvariantCulture) ?? "none"}; {Describe(file, s, h)}");
                report.Mismatch(ClassifyAqi(file, s, h, published, ours), CnemcHourlyFile.Label(h), example);
            }
        }

        return report;
    }

    /// <summary>
    /// Compares the published moving means with ours; a window counts when its hours are all in 2019. Kinds tell
    /// complete windows (all hours published) from incomplete ones. <paramref name="dayBounded"/>: the window starts no
    /// earlier than the day's first hour (label 01:00), as CNEMC publishes its real-time O3_8h (docs/standards.md).
    /// </summary>
    public static MovingMeanReport MovingMean(
        CnemcHourlyFile file, string hourlyType, string publishedType, int window, int decimals, bool dayBounded = false)
    {
        int hourly = CnemcHourlyFile.TypeIndex(hourlyType), publishedIndex = CnemcHourlyFile.TypeIndex(publishedType);
        int minimum = window == 8 ? HourlyAverager.MinHoursPerEightHours : HourlyAverager.MinHoursPerDay;
        MovingMeanReport report = new($"{publishedType} ({window}-h moving mean of {hourlyType}{(dayBounded ? ", within the day" : "")})");
        decimal unit = decimals == 0 ? 1m : 0.1m;
        for (int s = 0; s < file.Stations.Length; s++)
        {
            for (int h = window - 1; h < file.HourCount; h++)
            {
                if (file.Get(publishedIndex, s, h) is not { } published)
                {
                    continue;
                }

                int length = dayBounded && h % 24 != 0 ? Math.Min(window, h % 24) : window;
                (long sum, int count) = Sum(file, hourly, s, h, length);
                decimal? mean = count > 0 ? sum / 1000m / count : null;
                bool isValid = dayBounded ? count > 0 : count >= minimum;
                decimal? ours = isValid && mean is { } v ? GbT8170.Round(v, decimals) : null;
                string kind = count == length ? "complete window" : isValid ? "valid incomplete window"
                    : "published although fewer valid hours than GB 3095 Table 4 requires";
                report.Add(kind, ours, published, unit, () => string.Create(CultureInfo.InvariantCulture,
                    $"{file.Stations[s]} {CnemcHourlyFile.Label(h)}: published {published.ToString("0.#", CultureInfo.InvariantCulture)}, ours {ours?.ToString(CultureInfo.InvariantCulture) ?? "invalid"} ({count} of {length} hours, exact mean {mean:0.####})"));
            }
        }

        return report;
    }

    private static (long Sum, int Count) Sum(CnemcHourlyFile file, int type, int station, int lastHour, int length)
    {
        long sum = 0;
        int count = 0;
        for (int h = lastHour - length + 1; h <= lastHour; h++)
        {
            int raw = file.Raw(type, station, h);
            if (raw != CnemcHourlyFile.Missing)
            {
                sum += raw;
                count++;
            }
        }

        return (sum, count);
    }

    private static string ClassifyAqi(CnemcHourlyFile file, int s, int h, decimal published, int? ours)
    {
        if (ours is null)
        {
            return "published AQI without any published concentration";
        }

        int? withEightHour = IaqiCalculator.Compute(IaqiTable.O3EightHour, file.Get(CnemcHourlyFile.TypeIndex("O3_8h"), s, h)).AsNullable;
        if (withEightHour is { } o3 && Math.Max(o3, ours.Value) == published)
        {
            return "published AQI equals ours with the O3 8-h sub-index included";
        }

        return published > ours ? "published AQI higher than every sub-index of the published concentrations"
            : "published AQI lower than our maximum sub-index";
    }

    private static string Describe(CnemcHourlyFile file, int s, int h) =>
        string.Join(", ", DescribedTypes.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t} {file.Get(CnemcHourlyFile.TypeIndex(t), s, h)?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-"}")));
}
