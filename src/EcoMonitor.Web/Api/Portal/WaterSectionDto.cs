namespace EcoMonitor.Web.Api.Portal;

/// <summary>A surface-water section's class from its latest values (GB 3838-2002, 地表水环境质量评价办法（试行）).</summary>
/// <param name="Mn">HJ 212 MN.</param>
/// <param name="Name">Section (断面) name.</param>
/// <param name="Region">6-digit region code.</param>
/// <param name="Longitude">WGS-84 longitude, when known.</param>
/// <param name="Latitude">WGS-84 latitude, when known.</param>
/// <param name="TargetClass">Target class (I..V, 劣V spelled as in the standard), when registered.</param>
/// <param name="SampleTime">Period start of the newest value used, ISO 8601 at +08:00; null without data.</param>
/// <param name="Class">Section class: I, II, III, IV, V or 劣V; null without data.</param>
/// <param name="Quality">优, 良好, 轻度污染, 中度污染 or 重度污染.</param>
/// <param name="Items">Every classified item with its value and class.</param>
/// <param name="Exceeding">Items worse than the target class (class III when no target is registered).</param>
/// <param name="MainPollutants">Up to three items with the largest exceedance multiples when the section is worse than III.</param>
public sealed record WaterSectionDto(
    string Mn, string Name, string Region, double? Longitude, double? Latitude, string? TargetClass, string? SampleTime,
    string? Class, string? Quality, WaterItemDto[] Items, string[] Exceeding, string[] MainPollutants);

/// <summary>One item of a section's sample.</summary>
/// <param name="Item">Item as spelled in GB 3838 evaluation (pH, DO, CODMn, NH3N, TP, TN …).</param>
/// <param name="Parameter">HJ 212 parameter code the value came from.</param>
/// <param name="Value">Value, mg/L (pH dimensionless).</param>
/// <param name="Class">Class of this value: I..V or 劣V.</param>
/// <param name="ExceedMultiple">(C − S_III) / S_III when worse than III (not for pH, DO).</param>
/// <param name="PeriodStart">Period start of the value, ISO 8601 at +08:00.</param>
/// <param name="IsSeparate">True for TN and fecal coliform, reported separately and not part of the section class.</param>
public sealed record WaterItemDto(string Item, string Parameter, decimal Value, string Class, decimal? ExceedMultiple, string PeriodStart, bool IsSeparate);
