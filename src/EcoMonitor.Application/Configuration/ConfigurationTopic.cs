namespace EcoMonitor.Application.Configuration;

/// <summary>
/// A part of the configuration that every node caches and that <see cref="IConfigurationChanges"/> reports as changed:
/// only what changed, never a value (no station, no password, no hash).
/// </summary>
public enum ConfigurationTopic
{
    /// <summary>The station registry (stations added, changed, deactivated, passwords changed).</summary>
    Stations,

    /// <summary>The alarm rules.</summary>
    AlarmRules,

    /// <summary>The discharge permit limits of outlets.</summary>
    PermitLimits,
}
