namespace EcoMonitor.Application.Work;

/// <summary>The state of a consumer's failed station-day after one more failed attempt was recorded.</summary>
/// <param name="Id">The failure record (the id the API shows for set-aside work).</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="IsSetAside">True when the day is set aside (no longer tried until someone asks for a retry).</param>
/// <param name="IsNewlySetAside">True when this attempt set it aside (it was not before).</param>
public readonly record struct WorkFailure(long Id, int Attempts, bool IsSetAside, bool IsNewlySetAside);
