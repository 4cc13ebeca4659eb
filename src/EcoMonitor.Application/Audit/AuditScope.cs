namespace EcoMonitor.Application.Audit;

/// <summary>
/// The network address of the client on whose behalf the current asynchronous flow acts (an HTTP request), so that
/// every audit record created in that flow carries it (<see cref="AuditRecord.Address"/> defaults to
/// <see cref="Address"/>) however deep in a service it is built. The web host opens a scope per request; background
/// workers run outside any scope (their records have no address unless they set one). Scopes nest and restore the outer
/// one when disposed. Thread-safe: an <see cref="AsyncLocal{T}"/> flows with the execution context.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The address of the current scope, or null outside one.</summary>
    public static string? Address => Current.Value;

    /// <summary>Opens a scope for <paramref name="address"/>; dispose it when the flow ends.</summary>
    public static IDisposable Begin(string? address)
    {
        string? outer = Current.Value;
        Current.Value = address;
        return new Restore(outer);
    }

    private sealed class Restore(string? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
