namespace EcoMonitor.Gateway;

/// <summary>
/// How far a frame's password check has come through the backoff's turns (<see cref="StationPasswordGuard"/>): first
/// the source address's turn, then the MN's. A frame held back is decided again with the turn it has waited for.
/// </summary>
internal enum PasswordTurn
{
    /// <summary>No turn taken yet.</summary>
    None,

    /// <summary>The source address's turn was taken and waited for.</summary>
    Address,

    /// <summary>The MN's turn was taken and waited for too: the password is compared now.</summary>
    Station,
}
