namespace EcoMonitor.Application.Configuration;

/// <summary>
/// Tells a node that configuration it caches was changed by any writer of the shared store — another node, the CLI, or
/// this node — so that it reloads it (<see cref="Configuration.ConfigurationChangeWorker"/>). PostgreSQL: LISTEN/NOTIFY,
/// the notification sent by the writing transaction on commit, heard on a connection of its own (docs/adr/0028). The
/// embedded SQLite store serves one node, whose own writes update its caches: it reports nothing. Part of the store
/// contract; thread-safe.
/// </summary>
public interface IConfigurationChanges
{
    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled (then throws <see cref="OperationCanceledException"/>),
    /// calling <paramref name="changed"/> once per reported topic, one call at a time. Changes are coalesced: one call may
    /// stand for several commits, and a call may come for a commit already seen. Nothing is missed: each time the engine
    /// (re)establishes what it listens with — at the start and after it was lost — it calls <paramref name="changed"/> for
    /// every topic, so a change made while nobody listened is caught up by a full reload. When <paramref name="changed"/>
    /// throws, the failure is logged and treated like a lost connection: listening starts again, with a full reload.
    /// </summary>
    Task ListenAsync(Func<ConfigurationTopic, CancellationToken, Task> changed, CancellationToken cancellationToken);
}
