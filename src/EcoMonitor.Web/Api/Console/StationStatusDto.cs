using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api.Console;

/// <summary>One station's live state.</summary>
/// <param name="Mn">HJ 212 MN.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Station type.</param>
/// <param name="Region">6-digit region code.</param>
/// <param name="Active">False when its data are refused.</param>
/// <param name="Online">True when a frame arrived within the offline threshold.</param>
/// <param name="LastFrameAt">Receive time of its newest archived frame, ISO 8601 at +08:00.</param>
/// <param name="LastFrameOutcome">Accepted, Duplicate or Rejected.</param>
/// <param name="LastDataPeriod">Newest period start among its stored observations (any source, e.g. imports).</param>
public sealed record StationStatusDto(
    string Mn, string Name, StationType Type, string Region, bool Active, bool Online, string? LastFrameAt, string? LastFrameOutcome, string? LastDataPeriod);
