using EcoMonitor.Application.Configuration;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IConfigurationChanges"/> on SQLite: reports nothing (one file serves one node, whose own writes update its caches).
/// </summary>
internal sealed class SqliteConfigurationChanges : IConfigurationChanges
{
    /// <inheritdoc />
    /// <remarks>
    /// The embedded store serves one node, whose own writes update its caches as they are made: nothing is reported,
    /// and the call only waits for <paramref name="cancellationToken"/>.
    /// </remarks>
    public Task ListenAsync(Func<ConfigurationTopic, CancellationToken, Task> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
