using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>The daily mean of one surface-water item and the number of valid values it is the mean of.</summary>
/// <param name="Parameter">HJ 212 code of the item (e.g. w21003 NH3-N).</param>
/// <param name="Mean">Arithmetic mean of the day's valid hourly values, in the parameter's unit.</param>
/// <param name="Values">Valid values averaged (at least 1).</param>
public sealed record WaterItemMean(ParameterCode Parameter, decimal Mean, int Values);
