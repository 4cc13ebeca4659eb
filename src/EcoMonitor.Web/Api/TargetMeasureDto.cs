using EcoMonitor.Application.Targets;

namespace EcoMonitor.Web.Api;

/// <summary>One target's progress.</summary>
/// <param name="Measure"><c>pm25</c> (µg/m³, at most), <c>goodDayRatio</c> (%, at least), <c>heavyPollutionDays</c> (at most) or <c>goodWaterShare</c> (%, at least).</param>
/// <param name="Target">The target.</param>
/// <param name="ToDate">The value from 1 January to the last complete day; null without data.</param>
/// <param name="Projection">The value projected to 31 December; null without data.</param>
/// <param name="OnTrack">The projection meets the target; null without a projection.</param>
public sealed record TargetMeasureDto(string Measure, decimal Target, decimal? ToDate, decimal? Projection, bool? OnTrack)
{
    /// <summary>The wire name of a measure.</summary>
    public static string NameOf(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Pm25 => "pm25",
        TargetMeasure.GoodDayRatio => "goodDayRatio",
        TargetMeasure.HeavyPollutionDays => "heavyPollutionDays",
        TargetMeasure.GoodWaterShare => "goodWaterShare",
    };
}
