namespace EcoMonitor.Web.Api;

/// <summary>One GB 3838-2002 item of a section for a period (hour, day or month).</summary>
/// <param name="Parameter">HJ 212 code, e.g. w21003.</param>
/// <param name="Item">Item name as in GB 3838-2002, e.g. NH3N.</param>
/// <param name="Value">The value (hour) or mean (day, month), in the parameter's unit.</param>
/// <param name="Values">Valid values averaged (day, month); null for an hour.</param>
/// <param name="Class">Class of the value for the section's water body, 1..6 (6 = 劣V).</param>
/// <param name="ClassName">I, II, III, IV, V or 劣V.</param>
/// <param name="ExceedMultiple">(C − S_III) / S_III when worse than class III (not for pH and DO).</param>
/// <param name="IsSeparate">True for TN and fecal coliform: reported, not part of the section class.</param>
public sealed record WaterItemDto(
    string Parameter, string Item, decimal Value, int? Values, int Class, string ClassName, decimal? ExceedMultiple, bool IsSeparate);
