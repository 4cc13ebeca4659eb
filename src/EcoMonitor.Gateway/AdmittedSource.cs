namespace EcoMonitor.Gateway;

/// <summary>
/// Set on a connection's features by <see cref="AdmittingListener"/> when it took the connection's slot in
/// <see cref="ConnectionLimiter"/>; <see cref="ConnectionAdmission"/> gives the slot back when the connection ends.
/// </summary>
/// <param name="Source">The source key the slot was taken for (<see cref="GatewaySource.Key"/>).</param>
internal sealed record AdmittedSource(string Source);
