namespace EcoMonitor.Protocol.Hj212;

/// <summary>Outcome of one <see cref="Hj212FrameScanner.TryRead"/> call.</summary>
public enum Hj212ScanStatus
{
    /// <summary>No complete frame in the buffer; read more and call again.</summary>
    NeedMoreData,

    /// <summary>A complete frame (from <c>##</c> to CR LF) was cut out of the buffer.</summary>
    Frame,

    /// <summary>Bytes starting at a <c>##</c> were rejected (see the error); they are returned so they can be archived.</summary>
    Rejected,
}
