namespace EcoMonitor.Web.Api;

/// <summary>
/// A station to register or replace, in the registry file's format (docs/registry.md). Documented shape of the
/// body of <c>POST /api/v1/stations</c>; the body may also be an array of these.
/// </summary>
/// <param name="Mn">HJ 212 MN: 1-24 printable ASCII, no spaces or ; = , &amp;.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">airQuality, surfaceWater, groundwater, noise, radiation, flueGasOutlet, wasteWaterOutlet, vocs, dust.</param>
/// <param name="Region">6-digit 行政区划代码.</param>
/// <param name="Longitude">WGS-84 longitude (with latitude, or neither).</param>
/// <param name="Latitude">WGS-84 latitude.</param>
/// <param name="ControlLevel">national, provincial, city, county (or 国控, 省控, 市控, 县控).</param>
/// <param name="Networks">The networks the station counts for: national, provincial, city, county, background, sensor,
/// research (or 国控, 省控, 市控, 县控, 对照点, 微站, 科研). Not given: the network of its control level.</param>
/// <param name="Enterprise">The enterprise of an outlet.</param>
/// <param name="Password">HJ 212 PW.</param>
/// <param name="Encoding">utf-8 or gbk.</param>
/// <param name="PeriodLabel">periodStart or periodEnd.</param>
/// <param name="WaterTargetClass">I..V for water stations.</param>
/// <param name="WaterBody">river, lake or reservoir (河流, 湖泊, 水库) for surface-water sections; lakes and reservoirs
/// are evaluated with their TP limits (GB 3838-2002). Not given: river.</param>
/// <param name="DrinkingWaterSource">True for a surface-water section that is a centralized drinking-water source
/// (集中式生活饮用水地表水源地): its days also report the GB 3838-2002 Table 2 items (sulfate, chloride, nitrate, Fe, Mn)
/// above their limits. Not given: false.</param>
/// <param name="Basin">Basin (流域) of a surface-water section, e.g. 长江流域, at most 32 characters: its sections are
/// rated together (GET /api/v1/rankings/water/basins).</param>
/// <param name="WaterBodyName">Name of the river, lake or reservoir of a surface-water section, e.g. 红枫湖, at most 32
/// characters: rivers are rated and lakes given a trophic state over their sections.</param>
/// <param name="NoiseZone">0, 1, 2, 3, 4a, 4b for noise stations.</param>
/// <param name="Active">False to refuse the station's data.</param>
/// <param name="ReportingIntervalHours">Hours between the station's hourly-data reports: 1, 2, 3, 4, 6, 8, 12 or 24. Not given: 1.</param>
public sealed record StationInput(
    string Mn,
    string Name,
    string Type,
    string Region,
    double? Longitude,
    double? Latitude,
    string? ControlLevel,
    IReadOnlyList<string>? Networks,
    string? Enterprise,
    string Password,
    string? Encoding,
    string? PeriodLabel,
    string? WaterTargetClass,
    string? WaterBody,
    bool? DrinkingWaterSource,
    string? Basin,
    string? WaterBodyName,
    string? NoiseZone,
    bool? Active,
    int? ReportingIntervalHours);
