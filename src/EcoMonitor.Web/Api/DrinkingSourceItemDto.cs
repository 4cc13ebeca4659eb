namespace EcoMonitor.Web.Api;

/// <summary>
/// One GB 3838-2002 Table 2 supplementary item of a drinking-water source (集中式生活饮用水地表水源地) for a period.
/// </summary>
/// <param name="Parameter">HJ 212 code: w21038 sulfate, w21022 chloride, w21007 nitrate (as N), w20125 Fe, w20124 Mn.</param>
/// <param name="Item">Item name: Sulfate, Chloride, Nitrate, Fe or Mn.</param>
/// <param name="Value">The value (hour) or mean (day, month), mg/L.</param>
/// <param name="Values">Valid values averaged (day, month); null for an hour.</param>
/// <param name="Limit">The Table 2 limit, mg/L (sulfate 250, chloride 250, nitrate 10, Fe 0.3, Mn 0.1).</param>
/// <param name="ExceedMultiple">(C − S) / S to 2 decimals when above the limit (equal complies); null when it complies.</param>
public sealed record DrinkingSourceItemDto(string Parameter, string Item, decimal Value, int? Values, decimal Limit, decimal? ExceedMultiple);
