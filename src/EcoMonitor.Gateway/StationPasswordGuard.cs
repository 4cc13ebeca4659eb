using System.Collections.Concurrent;
using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>
/// Slows down guessing of station passwords without locking the right station out. Two <see cref="FailureBackoff"/>s
/// count wrong passwords, one per source address (<see cref="GatewaySource"/>) and one per MN; a password check waits
/// for the address's turn and then for the MN's turn before the password is compared (so a right guess is not
/// answered sooner than a wrong one, and one address gets no more MN turns than its own turns allow). A source that
/// gave an MN's right password within <see cref="GatewayOptions.AuthenticatedAddressMemory"/> is that station's own
/// address: its frames for that MN skip both turns — they prove nothing new — so guessing from elsewhere does not
/// slow the station. A right password clears the MN's failures, never the address's (an address that knows one
/// station's password may still be guessing another's). Thread-safe: the backoffs lock, the memory of own addresses
/// is a concurrent dictionary bounded by <see cref="MaxRemembered"/>.
/// </summary>
internal sealed class StationPasswordGuard
{
    /// <summary>Station addresses remembered at most (memory bound); beyond it, after forgetting stale ones, new ones are not remembered.</summary>
    public const int MaxRemembered = 100_000;

    // A remembered address's time is refreshed at most this often (every frame of a station would be a write otherwise).
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);
    private readonly FailureBackoff _byAddress;
    private readonly FailureBackoff _byStation;
    private readonly ConcurrentDictionary<(string Mn, string Source), long> _ownAddresses = new();
    private readonly TimeSpan _memory;
    private readonly TimeProvider _time;

    public StationPasswordGuard(IOptions<GatewayOptions> options, TimeProvider time)
    {
        GatewayOptions gateway = options.Value;
        _byAddress = new FailureBackoff(gateway.PasswordBackoff, time);
        _byStation = new FailureBackoff(gateway.PasswordBackoff, time);
        _memory = gateway.AuthenticatedAddressMemory;
        MaxDelay = gateway.PasswordBackoff.MaxDelay;
        _time = time;
    }

    /// <summary>The longest turn (<c>Gateway:PasswordBackoff:MaxDelay</c>): a frame that gets no turn asks again after it.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>Own addresses remembered now.</summary>
    public int Remembered => _ownAddresses.Count;

    /// <summary>True when <paramref name="source"/> gave <paramref name="mn"/>'s right password recently: no turns to wait.</summary>
    public bool IsOwnAddress(string mn, string source)
    {
        if (!_ownAddresses.TryGetValue((mn, source), out long at))
        {
            return false;
        }

        if (_time.GetElapsedTime(at) <= _memory)
        {
            return true;
        }

        _ownAddresses.TryRemove((mn, source), out _);
        return false;
    }

    /// <summary>Takes the source address's next turn: how long to wait before going on to the MN's turn; null when its turns are taken a whole delay ahead.</summary>
    public TimeSpan? ReserveAddressTurn(string source) => _byAddress.Reserve(source);

    /// <summary>Takes the MN's next turn: how long to wait before comparing the password; null when its turns are taken a whole delay ahead.</summary>
    public TimeSpan? ReserveStationTurn(string mn) => _byStation.Reserve(mn);

    /// <summary>The right password of <paramref name="mn"/> came from <paramref name="source"/>.</summary>
    public void Succeeded(string mn, string source)
    {
        long now = _time.GetTimestamp();
        if (_ownAddresses.TryGetValue((mn, source), out long at))
        {
            if (_time.GetElapsedTime(at, now) > RefreshEvery)
            {
                _ownAddresses[(mn, source)] = now;
            }

            return;
        }

        _byStation.Succeeded(mn);
        if (_ownAddresses.Count >= MaxRemembered)
        {
            ForgetStale(now);
        }

        if (_ownAddresses.Count < MaxRemembered)
        {
            _ownAddresses[(mn, source)] = now;
        }
    }

    /// <summary>A wrong password of <paramref name="mn"/> came from <paramref name="source"/>; returns the address's failures in the window.</summary>
    public int Failed(string mn, string source)
    {
        _ownAddresses.TryRemove((mn, source), out _);
        _byStation.Failed(mn);
        return _byAddress.Failed(source);
    }

    private void ForgetStale(long now)
    {
        foreach (KeyValuePair<(string Mn, string Source), long> entry in _ownAddresses)
        {
            if (_time.GetElapsedTime(entry.Value, now) > _memory)
            {
                _ownAddresses.TryRemove(entry.Key, out _);
            }
        }
    }
}
