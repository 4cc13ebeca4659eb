using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api;

/// <summary>A station as the API shows it (never with its password).</summary>
/// <param name="Mn">HJ 212 MN.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Station type.</param>
/// <param name="Region">6-digit administrative division code.</param>
/// <param name="Longitude">WGS-84 longitude, when known.</param>
/// <param name="Latitude">WGS-84 latitude, when known.</param>
/// <param name="ControlLevel">national / provincial / city / county.</param>
/// <param name="Networks">The networks the station counts for (national, provincial, city, county, background, sensor,
/// research; docs/registry.md): only national stations make a city's official figures, provincial ones a county's.</param>
/// <param name="Enterprise">Owning enterprise of an outlet.</param>
/// <param name="Encoding">Text encoding of the logger.</param>
/// <param name="PeriodLabel">How the source labels periods.</param>
/// <param name="WaterTargetClass">Surface-water target class 1..5 (I..V, 水质目标); null: not set (未设定) — exceeding items are then judged against class III and target-class alarm rules do not apply. The sample sections have none (samples/README.md).</param>
/// <param name="WaterBody">River, Lake or Reservoir for surface-water sections.</param>
/// <param name="DrinkingWaterSource">True for a centralized drinking-water source (集中式生活饮用水地表水源地).</param>
/// <param name="Basin">Basin (流域) of a surface-water section, when registered.</param>
/// <param name="WaterBodyName">River, lake or reservoir name of a surface-water section, when registered.</param>
/// <param name="NoiseZone">GB 3096-2008 functional zone.</param>
/// <param name="Active">False when the station's data are refused.</param>
/// <param name="ReportingIntervalHours">Expected reporting interval of hour values in hours (1 hourly, 4 every four hours …); completeness counts one value per interval.</param>
public sealed record StationDto(
    string Mn,
    string Name,
    StationType Type,
    string Region,
    double? Longitude,
    double? Latitude,
    ControlLevel ControlLevel,
    IReadOnlyList<string> Networks,
    string? Enterprise,
    TextEncoding Encoding,
    PeriodLabel PeriodLabel,
    int? WaterTargetClass,
    WaterBodyType? WaterBody,
    bool DrinkingWaterSource,
    string? Basin,
    string? WaterBodyName,
    string? NoiseZone,
    bool Active,
    int ReportingIntervalHours)
{
    /// <summary>Maps a registry station.</summary>
    public static StationDto From(Station s) => new(
        s.Id.Value, s.Name, s.Type, s.Region.Value, s.Location?.Longitude, s.Location?.Latitude, s.ControlLevel,
        AssessmentNetworkNames.ListOf(s.Networks), s.Enterprise, s.Encoding, s.PeriodLabel, s.WaterTargetClass, s.WaterBody, s.IsDrinkingWaterSource, s.Basin, s.WaterBodyName, s.NoiseZone, s.IsActive, s.ReportingIntervalHours);
}
