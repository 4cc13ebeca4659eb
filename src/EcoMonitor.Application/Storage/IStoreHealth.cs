namespace EcoMonitor.Application.Storage;

/// <summary>
/// Whether the store can be reached, asked by the host's readiness check and by its error handling; implemented by
/// each engine, which alone knows its driver's errors. Thread-safe.
/// </summary>
public interface IStoreHealth
{
    /// <summary>
    /// Runs a trivial query on a fresh or pooled connection. Throws what the engine throws when the store cannot be
    /// reached (then <see cref="IsUnavailable"/> is true of it); the caller bounds the wait with
    /// <paramref name="cancellationToken"/>.
    /// </summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="exception"/> (or an exception it wraps) says the store could not be reached or refused
    /// work for a while — the server is down, restarting or refusing connections, the connection broke, opening one
    /// timed out, the file stayed locked past the busy timeout — so that the same request later may succeed. False for
    /// every other error (a bug, a constraint, bad SQL), which stays a 500.
    /// </summary>
    bool IsUnavailable(Exception exception);
}
