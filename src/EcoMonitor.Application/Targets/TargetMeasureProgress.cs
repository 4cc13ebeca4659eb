namespace EcoMonitor.Application.Targets;

/// <summary>One target of a region and year against the value to date and the projection to the year end.</summary>
/// <param name="Measure">Which measure.</param>
/// <param name="Target">The target.</param>
/// <param name="ToDate">The value from 1 January to the last complete day (null without data).</param>
/// <param name="Projection">The value projected to 31 December (<see cref="TargetProgressService"/>; null without data).</param>
/// <param name="IsOnTrack">The projection meets the target (null without a projection).</param>
public sealed record TargetMeasureProgress(TargetMeasure Measure, decimal Target, decimal? ToDate, decimal? Projection, bool? IsOnTrack);
