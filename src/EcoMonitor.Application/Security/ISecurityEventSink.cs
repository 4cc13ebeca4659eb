namespace EcoMonitor.Application.Security;

/// <summary>
/// Where the gateway and the web host report security events. <see cref="Record"/> is called on hot paths (every
/// refused HJ 212 frame, every sign-in): it never blocks, never throws and never waits for storage; the implementation
/// (<see cref="SecurityEventLog"/>) writes them to the audit trail in the background, aggregating floods, and raises a
/// security alarm on a burst. Thread-safe.
/// </summary>
public interface ISecurityEventSink
{
    /// <summary>Reports one event; when the sink's queue is full the event is counted as dropped, never waited for.</summary>
    void Record(SecurityEvent securityEvent);
}
