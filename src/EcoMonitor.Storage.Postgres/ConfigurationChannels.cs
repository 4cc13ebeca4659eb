using EcoMonitor.Application.Configuration;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The LISTEN/NOTIFY channels on which the triggers of migration 16 announce committed configuration writes, one per
/// <see cref="ConfigurationTopic"/>. The channel names what changed; the payload is empty.
/// </summary>
internal static class ConfigurationChannels
{
    public const string Stations = "ecomonitor_stations";
    public const string AlarmRules = "ecomonitor_alarm_rules";
    public const string PermitLimits = "ecomonitor_permit_limits";

    /// <summary>Every channel with its topic.</summary>
    public static readonly IReadOnlyList<(string Channel, ConfigurationTopic Topic)> All =
    [
        (Stations, ConfigurationTopic.Stations),
        (AlarmRules, ConfigurationTopic.AlarmRules),
        (PermitLimits, ConfigurationTopic.PermitLimits),
    ];

    /// <summary>The statement that listens on every channel.</summary>
    public static readonly string ListenStatement = string.Concat(All.Select(c => $"LISTEN {c.Channel};"));

    /// <summary>The channel names, comma-separated (for the log).</summary>
    public static readonly string Names = string.Join(", ", All.Select(c => c.Channel));

    /// <summary>The topic announced on <paramref name="channel"/>, or false for a channel that is not ours.</summary>
    public static bool TryGetTopic(string channel, out ConfigurationTopic topic)
    {
        foreach ((string name, ConfigurationTopic candidate) in All)
        {
            if (string.Equals(name, channel, StringComparison.Ordinal))
            {
                topic = candidate;
                return true;
            }
        }

        topic = default;
        return false;
    }
}
