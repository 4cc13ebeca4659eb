namespace EcoMonitor.Web.Api.Portal;

/// <summary>An HJ 633-2012 Table 2 row in English, for the portal's English pages (a translation, not an official text).</summary>
/// <param name="LevelName">e.g. Level I.</param>
/// <param name="Category">e.g. Excellent.</param>
/// <param name="HealthEffect">Health implications.</param>
/// <param name="Advice">Suggested measures.</param>
/// <param name="Note">Says that this is EcoMonitor's translation and the Chinese text is authoritative.</param>
public sealed record AqiLevelEnglishDto(string LevelName, string Category, string HealthEffect, string Advice, string Note);
