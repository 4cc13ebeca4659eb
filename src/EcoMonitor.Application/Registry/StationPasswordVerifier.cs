using System.Collections.Concurrent;
using System.Security.Cryptography;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// Checks the PW of each HJ 212 frame against the station's hashed password without a PBKDF2 derivation per frame:
/// per station it remembers the last password proven right and the last one found wrong, as HMAC-SHA256 values under a
/// key made at start and held only in memory, so a frame costs one HMAC of a few bytes; a derivation runs only for a
/// password not seen before (a new station password, or a guess — which the gateway's backoff slows). A change of the
/// station's password is a miss (the remembered entries name the hash they were proven against). Thread-safe.
/// </summary>
public sealed class StationPasswordVerifier
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Proven> _right = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Proven> _wrong = new(StringComparer.Ordinal);

    /// <summary>Derivations run since start (for tests and figures).</summary>
    public long Derivations => Interlocked.Read(ref _derivations);

    private long _derivations;

    /// <summary>True when <paramref name="sent"/> (a frame's PW bytes) is <paramref name="station"/>'s password.</summary>
    public bool Matches(Station station, ReadOnlySpan<byte> sent)
    {
        ArgumentNullException.ThrowIfNull(station);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, sent, mac);
        string mn = station.Id.Value;
        if (IsRemembered(_right, mn, station.Password, mac))
        {
            return true;
        }

        if (IsRemembered(_wrong, mn, station.Password, mac))
        {
            return false;
        }

        bool isRight = station.Password.Matches(sent);
        Interlocked.Increment(ref _derivations);
        (isRight ? _right : _wrong)[mn] = new Proven(station.Password, mac.ToArray());
        return isRight;
    }

    private static bool IsRemembered(ConcurrentDictionary<string, Proven> proven, string mn, StationPassword password, ReadOnlySpan<byte> mac) =>
        proven.TryGetValue(mn, out Proven? entry) && entry.Password == password && CryptographicOperations.FixedTimeEquals(entry.Mac, mac);

    private sealed record Proven(StationPassword Password, byte[] Mac);
}
