using System.Diagnostics.Metrics;

namespace EcoMonitor.Gateway;

/// <summary>
/// Live figures of the gateway for the API and for metrics (<c>ecomonitor.gateway.*</c>). Thread-safe through
/// <see cref="Interlocked"/>; readers see each figure atomically, not a consistent snapshot of all.
/// </summary>
public sealed class GatewayStats : IDisposable
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "EcoMonitor.Gateway";

    private readonly Meter _meter;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _acks;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _passwordWaits;
    private readonly Counter<long> _unarchived;
    private long _connectionsOpen;
    private long _connectionsTotal;
    private long _acksSent;
    private long _acksWithheld;
    private long _rejectionReplies;
    private long _skippedBytes;
    private long _messagesCompleted;
    private long _messagesIncomplete;
    private long _idleClosed;
    private long _frameTimeoutClosed;
    private long _noiseClosed;
    private long _refusedAtLimit;
    private long _refusedAtAddressLimit;
    private long _passwordChecksDelayed;
    private long _rejectedNotArchived;

    /// <summary>Creates the stats and their instruments.</summary>
    public GatewayStats(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _frames = _meter.CreateCounter<long>("ecomonitor.gateway.frames", description: "Frames received, tagged by result");
        _acks = _meter.CreateCounter<long>("ecomonitor.gateway.acks", description: "Replies sent to stations, tagged by kind");
        _refused = _meter.CreateCounter<long>(
            "ecomonitor.gateway.connections.refused", description: "Connections closed as soon as accepted, tagged by reason (limit, address_limit)");
        _closed = _meter.CreateCounter<long>(
            "ecomonitor.gateway.connections.closed", description: "Connections the gateway closed itself, tagged by reason (idle, frame_timeout, noise)");
        _passwordWaits = _meter.CreateCounter<long>(
            "ecomonitor.gateway.password.delayed", description: "Station password checks held back by the failure backoff");
        _unarchived = _meter.CreateCounter<long>(
            "ecomonitor.gateway.frames.unarchived", description: "Rejected frames counted but not archived (beyond their source's rate), tagged by reason");
        _meter.CreateObservableGauge("ecomonitor.gateway.connections", () => Interlocked.Read(ref _connectionsOpen), description: "Open station connections");
    }

    /// <summary>Open station connections.</summary>
    public long ConnectionsOpen => Interlocked.Read(ref _connectionsOpen);

    /// <summary>Connections accepted since start.</summary>
    public long ConnectionsTotal => Interlocked.Read(ref _connectionsTotal);

    /// <summary>9014 data acknowledgements sent (each after its data were durable).</summary>
    public long AcksSent => Interlocked.Read(ref _acksSent);

    /// <summary>Acknowledgements not sent because the store failed.</summary>
    public long AcksWithheld => Interlocked.Read(ref _acksWithheld);

    /// <summary>Rejection replies (9011 with a QnRtn error code) sent.</summary>
    public long RejectionReplies => Interlocked.Read(ref _rejectionReplies);

    /// <summary>Bytes skipped while looking for a frame header.</summary>
    public long SkippedBytes => Interlocked.Read(ref _skippedBytes);

    /// <summary>Split messages whose sub-packets all arrived.</summary>
    public long MessagesCompleted => Interlocked.Read(ref _messagesCompleted);

    /// <summary>Split messages that timed out incomplete.</summary>
    public long MessagesIncomplete => Interlocked.Read(ref _messagesIncomplete);

    /// <summary>Connections closed for idleness (no whole frame within <see cref="GatewayOptions.IdleTimeout"/>).</summary>
    public long IdleClosed => Interlocked.Read(ref _idleClosed);

    /// <summary>Connections closed because a started frame did not complete within <see cref="GatewayOptions.FrameTimeout"/>.</summary>
    public long FrameTimeoutClosed => Interlocked.Read(ref _frameTimeoutClosed);

    /// <summary>Connections closed for sending more than <see cref="GatewayOptions.MaxNoiseBytes"/> outside frames.</summary>
    public long NoiseClosed => Interlocked.Read(ref _noiseClosed);

    /// <summary>Connections refused because the gateway held its maximum.</summary>
    public long RefusedAtLimit => Interlocked.Read(ref _refusedAtLimit);

    /// <summary>Connections refused because their source address held its maximum.</summary>
    public long RefusedAtAddressLimit => Interlocked.Read(ref _refusedAtAddressLimit);

    /// <summary>Station password checks that waited their turn (password backoff).</summary>
    public long PasswordChecksDelayed => Interlocked.Read(ref _passwordChecksDelayed);

    /// <summary>Rejected frames counted but not archived because their source exceeded its rate (Gateway:RejectedArchive).</summary>
    public long RejectedNotArchived => Interlocked.Read(ref _rejectedNotArchived);

    internal void ConnectionOpened()
    {
        Interlocked.Increment(ref _connectionsOpen);
        Interlocked.Increment(ref _connectionsTotal);
    }

    internal void ConnectionClosed() => Interlocked.Decrement(ref _connectionsOpen);

    internal void Frame(string result) => _frames.Add(1, new KeyValuePair<string, object?>("result", result));

    internal void AckSent()
    {
        Interlocked.Increment(ref _acksSent);
        _acks.Add(1, new KeyValuePair<string, object?>("kind", "data"));
    }

    internal void RejectionReplySent()
    {
        Interlocked.Increment(ref _rejectionReplies);
        _acks.Add(1, new KeyValuePair<string, object?>("kind", "rejection"));
    }

    internal void AckWithheld() => Interlocked.Increment(ref _acksWithheld);

    internal void Skipped(long bytes) => Interlocked.Add(ref _skippedBytes, bytes);

    internal void MessageCompleted() => Interlocked.Increment(ref _messagesCompleted);

    internal void MessageIncomplete() => Interlocked.Increment(ref _messagesIncomplete);

    internal void ClosedByGateway(ConnectionEnd end)
    {
        switch (end)
        {
            case ConnectionEnd.Idle: Interlocked.Increment(ref _idleClosed); break;
            case ConnectionEnd.FrameTimeout: Interlocked.Increment(ref _frameTimeoutClosed); break;
            case ConnectionEnd.Noise: Interlocked.Increment(ref _noiseClosed); break;
            case ConnectionEnd.Peer: return;
        }

        _closed.Add(1, new KeyValuePair<string, object?>("reason", end.Tag()));
    }

    internal void ConnectionRefused(ConnectionRefusal refusal)
    {
        switch (refusal)
        {
            case ConnectionRefusal.Limit: Interlocked.Increment(ref _refusedAtLimit); break;
            case ConnectionRefusal.AddressLimit: Interlocked.Increment(ref _refusedAtAddressLimit); break;
            case ConnectionRefusal.None: return;
        }

        _refused.Add(1, new KeyValuePair<string, object?>("reason", refusal == ConnectionRefusal.Limit ? "limit" : "address_limit"));
    }

    internal void PasswordCheckDelayed()
    {
        Interlocked.Increment(ref _passwordChecksDelayed);
        _passwordWaits.Add(1);
    }

    internal void RejectedFrameNotArchived(string reason)
    {
        Interlocked.Increment(ref _rejectedNotArchived);
        _unarchived.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
