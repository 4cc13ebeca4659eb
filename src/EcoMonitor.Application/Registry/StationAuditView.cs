using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// A station as the audit trail records it: every attribute except the HJ 212 password, which is never written to the
/// trail; <see cref="PasswordChanged"/> says whether this change set a new one.
/// </summary>
internal sealed record StationAuditView(
    string Mn,
    string Name,
    StationType Type,
    string Region,
    double? Longitude,
    double? Latitude,
    ControlLevel ControlLevel,
    string[] Networks,
    string? Enterprise,
    TextEncoding Encoding,
    PeriodLabel PeriodLabel,
    int? WaterTargetClass,
    string? NoiseZone,
    bool DrinkingWaterSource,
    string? Basin,
    string? WaterBodyName,
    bool Active,
    bool PasswordChanged,
    int ReportingIntervalHours)
{
    public static StationAuditView Of(Station station, bool passwordChanged) => new(
        station.Id.Value, station.Name, station.Type, station.Region.Value, station.Location?.Longitude,
        station.Location?.Latitude, station.ControlLevel, AssessmentNetworkNames.ListOf(station.Networks), station.Enterprise, station.Encoding, station.PeriodLabel,
        station.WaterTargetClass, station.NoiseZone, station.IsDrinkingWaterSource, station.Basin, station.WaterBodyName, station.IsActive, passwordChanged, station.ReportingIntervalHours);
}
