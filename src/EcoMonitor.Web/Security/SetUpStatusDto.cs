namespace EcoMonitor.Web.Security;

/// <summary>Whether the first-run set-up is needed.</summary>
/// <param name="Required">True while no enabled system administrator exists.</param>
public sealed record SetUpStatusDto(bool Required);
