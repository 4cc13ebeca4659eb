using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Event ids of the registry (Application range 4000s; the registry uses 4100–4149).</summary>
internal static class RegistryEventIds
{
    public const int RegistryFileMissing = 4100;
    public const int RegistryEntryRejected = 4101;
    public const int RegistrySeeded = 4102;
}

/// <summary>Source-generated log messages of the registry.</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = RegistryEventIds.RegistryFileMissing, Level = LogLevel.Warning,
        Message = "Station registry file {Path} does not exist; no stations were seeded")]
    public static partial void RegistryFileMissing(ILogger logger, string path);

    [LoggerMessage(EventId = RegistryEventIds.RegistryEntryRejected, Level = LogLevel.Warning,
        Message = "Station registry {Path}: entry {Index} (MN {Mn}) rejected, field {Field}: {Reason}")]
    public static partial void RegistryEntryRejected(ILogger logger, string path, int index, string? mn, string field, string reason);

    [LoggerMessage(EventId = RegistryEventIds.RegistrySeeded, Level = LogLevel.Information,
        Message = "Station registry {Path} seeded: {Accepted} stations accepted ({Added} new), {Rejected} problems")]
    public static partial void RegistrySeeded(ILogger logger, string path, int accepted, int added, int rejected);
}
