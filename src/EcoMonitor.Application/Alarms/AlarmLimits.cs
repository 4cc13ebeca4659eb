using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The limit an exceedance rule applies to one station, from the rule's <see cref="LimitSource"/>. Pure. Null when
/// the source has no limit for the station and parameter (no permit entry, no target class, a parameter GB 3838 or
/// GB 3095 does not list): the rule then never fires for that station.
/// </summary>
public static class AlarmLimits
{
    /// <summary>The limit of <paramref name="rule"/> at <paramref name="station"/>; <paramref name="permits"/> are the station's permit limits by parameter.</summary>
    public static decimal? Resolve(AlarmRule rule, Station station, IReadOnlyDictionary<ParameterCode, decimal>? permits)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(station);
        if (rule.Parameter is not { } parameter)
        {
            return rule.Limit;
        }

        return rule.LimitSource switch
        {
            LimitSource.Fixed => rule.Limit,
            LimitSource.Permit => permits is not null && permits.TryGetValue(parameter, out decimal permit) ? permit : null,
            LimitSource.WaterTargetClass => station.WaterTargetClass is int targetClass ? SurfaceWaterLimit(parameter, station, targetClass) : null,
            LimitSource.Gb3095ClassII => AirLimit(parameter, rule.Interval),
            LimitSource.DrinkingWaterSource => DrinkingSourceLimit(parameter, station),
            _ => null,
        };
    }

    /// <summary>
    /// The GB 3838-2002 Table 1 limit of class <paramref name="limitClass"/> (I–V as 1–5) for a basic item at
    /// <paramref name="station"/>'s water body: lakes and reservoirs (湖、库) take the lake total-phosphorus limits of item 9
    /// (class III 0.05 mg/L, rivers 0.2), and total nitrogen (item 10) applies to lakes and reservoirs only. Null for pH
    /// (a range, not a limit), TN at a river, a parameter that is not a Table 1 item, or a class outside I–V. Dissolved
    /// oxygen is a lower bound (<see cref="IsLowerBound"/>). The one way both <see cref="LimitSource.WaterTargetClass"/>
    /// and <see cref="LimitSource.DrinkingWaterSource"/> find a Table 1 limit.
    /// </summary>
    public static decimal? SurfaceWaterLimit(ParameterCode parameter, Station station, int limitClass)
    {
        ArgumentNullException.ThrowIfNull(station);
        WaterBody body = WaterParameters.BodyOf(station);
        return limitClass is >= 1 and <= 5 && WaterParameters.Items.TryGetValue(parameter, out SurfaceWaterItem item) && item != SurfaceWaterItem.pH
            && !(item == SurfaceWaterItem.TN && body == WaterBody.River)
            ? Gb3838Limits.For(item, body)[limitClass - 1]
            : null;
    }

    /// <summary>
    /// The limit a centralized drinking-water source (集中式生活饮用水地表水源地) is held to, or null when
    /// <paramref name="station"/> is not one or the parameter has no such limit: the GB 3838-2002 Table 2 limit of a
    /// supplementary item (sulfate, chloride, nitrate, Fe, Mn); for a Table 1 basic item the class III limit (GB 3838-2002
    /// clause 4: class III covers the class-2 protection zones of drinking-water sources, class II the class-1 zones), or
    /// the limit of the section's target class when that is stricter (I or II), for the section's water body (lakes and
    /// reservoirs: lake TP). pH (a range) has none, nor TN at a river section (Table 1 gives TN for lakes and reservoirs);
    /// dissolved oxygen is a lower bound (use <c>direction: below</c>).
    /// </summary>
    public static decimal? DrinkingSourceLimit(ParameterCode parameter, Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (!station.IsDrinkingWaterSource)
        {
            return null;
        }

        if (WaterParameters.SupplementaryItems.TryGetValue(parameter, out DrinkingSourceItem supplementary))
        {
            return DrinkingSourceLimits.Limit(supplementary);
        }

        return SurfaceWaterLimit(parameter, station, Math.Min(station.WaterTargetClass ?? 3, 3));
    }

    /// <summary>GB 3095-2012 Table 1 class II limit of an air parameter for hourly or daily values, or null.</summary>
    public static decimal? AirLimit(ParameterCode parameter, ObservationInterval interval)
    {
        if (!AirParameters.TryGet(parameter, out AirPollutant pollutant))
        {
            return null;
        }

        AirAveraging? averaging = interval switch
        {
            ObservationInterval.Hour => AirAveraging.Hourly,
            ObservationInterval.Day => AirAveraging.Daily,
            _ => null,
        };
        return averaging is { } a ? Gb3095Limits.Find(pollutant, a, AirQualityClass.Class2) : null;
    }

    /// <summary>True for the direction GB 3838 implies: dissolved oxygen is a lower bound.</summary>
    public static bool IsLowerBound(ParameterCode parameter) =>
        WaterParameters.Items.TryGetValue(parameter, out SurfaceWaterItem item) && item == SurfaceWaterItem.DO;
}
