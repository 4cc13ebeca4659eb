namespace EcoMonitor.Application.Targets;

/// <summary>The measures a region's targets may set (<see cref="RegionTargets"/>).</summary>
public enum TargetMeasure
{
    /// <summary>PM2.5 annual mean, µg/m³; on track when the projection is at most the target.</summary>
    Pm25,

    /// <summary>Good-day ratio (优良天数比例), %; on track when the projection is at least the target.</summary>
    GoodDayRatio,

    /// <summary>Heavy-pollution days (重污染天数, daily AQI &gt; 200); on track when the projection is at most the target.</summary>
    HeavyPollutionDays,

    /// <summary>Share of surface-water sections of class I–III, %; on track when the projection is at least the target.</summary>
    GoodWaterShare,
}
