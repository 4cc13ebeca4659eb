namespace EcoMonitor.Gateway;

/// <summary>
/// Counts the station connections held, in all and per source (<see cref="GatewaySource"/>), against
/// <see cref="GatewayConnectionLimits"/>. A source's entry exists only while it holds a connection, so memory is
/// bounded by the global limit. Thread-safe (one lock, taken twice per connection: on admission and on release).
/// </summary>
internal sealed class ConnectionLimiter(GatewayConnectionLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _bySource = new(StringComparer.Ordinal);
    private int _held;

    /// <summary>The limits enforced.</summary>
    public GatewayConnectionLimits Limits { get; } = limits;

    /// <summary>Connections held now.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Takes a slot for a connection from <paramref name="source"/>; <see cref="ConnectionRefusal.None"/> when admitted.</summary>
    public ConnectionRefusal TryAcquire(string source)
    {
        lock (_gate)
        {
            if (_held >= Limits.MaxConnections)
            {
                return ConnectionRefusal.Limit;
            }

            _bySource.TryGetValue(source, out int count);
            if (count >= Limits.MaxConnectionsPerAddress)
            {
                return ConnectionRefusal.AddressLimit;
            }

            _bySource[source] = count + 1;
            _held++;
            return ConnectionRefusal.None;
        }
    }

    /// <summary>Gives back the slot of an admitted connection from <paramref name="source"/>.</summary>
    public void Release(string source)
    {
        lock (_gate)
        {
            _held--;
            if (_bySource.TryGetValue(source, out int count) && count > 1)
            {
                _bySource[source] = count - 1;
            }
            else
            {
                _bySource.Remove(source);
            }
        }
    }
}
