namespace EcoMonitor.Cli.Simulation;

/// <summary>What a simulation run achieved.</summary>
/// <param name="Stations">Stations simulated.</param>
/// <param name="FramesTotal">Frames to deliver.</param>
/// <param name="FramesAcked">Frames acknowledged with 9014.</param>
/// <param name="FramesResent">Frames sent again after a cut connection or a missing acknowledgement.</param>
/// <param name="FramesRejected">Frames the platform refused (9011 with an error code).</param>
/// <param name="ObservationsAcked">Values in acknowledged frames.</param>
/// <param name="Reconnects">Connections re-established.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="FailedStations">Stations that gave up (could not connect).</param>
internal sealed record SimulationResult(
    int Stations,
    long FramesTotal,
    long FramesAcked,
    long FramesResent,
    long FramesRejected,
    long ObservationsAcked,
    long Reconnects,
    TimeSpan Elapsed,
    int FailedStations)
{
    /// <summary>Acknowledged values per second of wall time.</summary>
    public double ObservationsPerSecond => Elapsed > TimeSpan.Zero ? ObservationsAcked / Elapsed.TotalSeconds : 0;

    /// <summary>True when every frame was acknowledged.</summary>
    public bool IsComplete => FramesAcked == FramesTotal && FailedStations == 0;
}
