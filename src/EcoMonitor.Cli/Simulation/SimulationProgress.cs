namespace EcoMonitor.Cli.Simulation;

/// <summary>Counts shared by all simulated stations. Thread-safe through <see cref="Interlocked"/>.</summary>
internal sealed class SimulationProgress
{
    private long _framesSent;
    private long _framesAcked;
    private long _framesResent;
    private long _framesRejected;
    private long _observationsAcked;
    private long _reconnects;

    public long FramesSent => Interlocked.Read(ref _framesSent);
    public long FramesAcked => Interlocked.Read(ref _framesAcked);
    public long FramesResent => Interlocked.Read(ref _framesResent);
    public long FramesRejected => Interlocked.Read(ref _framesRejected);
    public long ObservationsAcked => Interlocked.Read(ref _observationsAcked);
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Frames the run has to deliver.</summary>
    public long FramesTotal { get; set; }

    public void Sent() => Interlocked.Increment(ref _framesSent);
    public void Resent() => Interlocked.Increment(ref _framesResent);
    public void Rejected() => Interlocked.Increment(ref _framesRejected);
    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public void Acked(int observations)
    {
        Interlocked.Increment(ref _framesAcked);
        Interlocked.Add(ref _observationsAcked, observations);
    }
}
