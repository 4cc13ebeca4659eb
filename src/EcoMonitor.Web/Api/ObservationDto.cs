using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api;

/// <summary>
/// One observation. <see cref="PeriodStart"/> is the start of the period covered (inclusive); an hourly value at
/// 08:00 covers 08:00–09:00 CST (ADR 0002). Values are decimals exactly as received, in the parameter's unit.
/// </summary>
/// <param name="Parameter">HJ 212-2017 code.</param>
/// <param name="Interval">realTime, minute, hour or day.</param>
/// <param name="PeriodStart">Period start, ISO 8601 at +08:00.</param>
/// <param name="Value">Value (Rtd or Avg).</param>
/// <param name="Min">Minimum over the period.</param>
/// <param name="Max">Maximum over the period.</param>
/// <param name="Total">Cumulative amount (Cou).</param>
/// <param name="ConvertedValue">Converted (折算) value.</param>
/// <param name="Flag">HJ 212 data flag.</param>
/// <param name="Source">hj212, import or api.</param>
/// <param name="ReceivedAt">When the platform received it.</param>
public sealed record ObservationDto(
    string Parameter,
    ObservationInterval Interval,
    string PeriodStart,
    decimal? Value,
    decimal? Min,
    decimal? Max,
    decimal? Total,
    decimal? ConvertedValue,
    string Flag,
    ObservationSource Source,
    string ReceivedAt)
{
    /// <summary>Maps a stored observation.</summary>
    public static ObservationDto From(Observation o) => new(
        o.Parameter.Value, o.Interval, ApiTime.Format(o.PeriodStart), o.Value, o.Min, o.Max, o.Total, o.ConvertedValue,
        o.Flag.Value, o.Source, ApiTime.Format(o.ReceivedAt));
}
