namespace EcoMonitor.Web.Api.Console;

/// <summary>The live state of the network for the staff console.</summary>
/// <param name="Now">Server time, ISO 8601 at +08:00.</param>
/// <param name="OfflineAfterMinutes">A station without a frame for longer is offline.</param>
/// <param name="Stations">Every registered station.</param>
/// <param name="RejectedLast24Hours">Rejected frames of the last 24 hours by reason.</param>
public sealed record ConsoleStatusDto(string Now, int OfflineAfterMinutes, StationStatusDto[] Stations, IReadOnlyDictionary<string, long> RejectedLast24Hours);
