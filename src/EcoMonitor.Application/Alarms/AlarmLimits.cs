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
    private static readonly Dictionary<ParameterCode, SurfaceWaterItem> WaterItems = new()
    {
        [ParameterCode.Parse("w01001")] = SurfaceWaterItem.pH,
        [ParameterCode.Parse("w01009")] = SurfaceWaterItem.DO,
        [ParameterCode.Parse("w01019")] = SurfaceWaterItem.CODMn,
        [ParameterCode.Parse("w01018")] = SurfaceWaterItem.COD,
        [ParameterCode.Parse("w01017")] = SurfaceWaterItem.BOD5,
        [ParameterCode.Parse("w21003")] = SurfaceWaterItem.NH3N,
        [ParameterCode.Parse("w21011")] = SurfaceWaterItem.TP,
        [ParameterCode.Parse("w21001")] = SurfaceWaterItem.TN,
    };

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
            LimitSource.WaterTargetClass => WaterLimit(parameter, station.WaterTargetClass),
            LimitSource.Gb3095ClassII => AirLimit(parameter, rule.Interval),
            LimitSource.DrinkingWaterSource => DrinkingSourceLimit(parameter, station),
            _ => null,
        };
    }

    /// <summary>GB 3838-2002 Table 1 limit (rivers) of a class I–V for a parameter, or null.</summary>
    public static decimal? WaterLimit(ParameterCode parameter, int? targetClass) =>
        targetClass is >= 1 and <= 5 && WaterItems.TryGetValue(parameter, out SurfaceWaterItem item) && item != SurfaceWaterItem.pH
            ? Gb3838Limits.For(item, WaterBody.River)[targetClass.Value - 1]
            : null;

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

        WaterBody body = WaterParameters.BodyOf(station);
        if (!WaterParameters.Items.TryGetValue(parameter, out SurfaceWaterItem item) || item == SurfaceWaterItem.pH || (item == SurfaceWaterItem.TN && body == WaterBody.River))
        {
            return null;
        }

        int limitClass = Math.Min(station.WaterTargetClass ?? 3, 3);
        return Gb3838Limits.For(item, body)[limitClass - 1];
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
        WaterItems.TryGetValue(parameter, out SurfaceWaterItem item) && item == SurfaceWaterItem.DO;
}
