using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application;

/// <summary>Log messages of the configuration reloads (changes made by other nodes or the CLI).</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = ApplicationEventIds.ConfigurationReloaded, Level = LogLevel.Debug,
        Message = "Reloaded {Topic} from the store in {ElapsedMs} ms")]
    public static partial void ConfigurationReloaded(ILogger logger, Configuration.ConfigurationTopic topic, double elapsedMs);
}
