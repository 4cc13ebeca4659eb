using System.Collections.Concurrent;

namespace EcoMonitor.Application.Security;

/// <summary>
/// Guessing protection for one kind of credential (a console password, an API key): two <see cref="FailureBackoff"/>s,
/// one per claimed subject (a user name) and one per client address. An attempt must get a turn from both; an address
/// that proved the subject's credential within <see cref="FailureBackoffOptions.TrustProvenAddressFor"/> is exempt from the subject's backoff, so an attacker
/// hammering one account from elsewhere never locks its owner out at their usual address (the owner still meets their
/// own address's backoff after their own failures). Thread-safe.
/// </summary>
public sealed class CredentialThrottle
{
    private readonly FailureBackoff _bySubject;
    private readonly FailureBackoff _byAddress;
    private readonly FailureBackoffOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Subject, string Address), DateTimeOffset> _provenAt = new();

    /// <summary>Creates a throttle with <paramref name="options"/> for both keys.</summary>
    public CredentialThrottle(FailureBackoffOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _bySubject = new FailureBackoff(options, time);
        _byAddress = new FailureBackoff(options, time);
    }

    /// <summary>Takes a turn for an attempt; false with how long until one is due when the subject or the address is backing off.</summary>
    public bool TryTakeTurn(string subject, string? address, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(subject);
        retryAfter = TimeSpan.Zero;
        if (address is not null && !_byAddress.TryTakeTurn(address, out retryAfter))
        {
            return false;
        }

        return IsProven(subject, address) || _bySubject.TryTakeTurn(SubjectKey(subject), out retryAfter);
    }

    /// <summary>Counts a failed attempt against both keys.</summary>
    public void Failed(string subject, string? address)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _bySubject.Failed(SubjectKey(subject));
        if (address is not null)
        {
            _byAddress.Failed(address);
        }
    }

    /// <summary>Clears both keys and remembers that <paramref name="address"/> proved <paramref name="subject"/>.</summary>
    public void Succeeded(string subject, string? address)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _bySubject.Succeeded(SubjectKey(subject));
        if (address is null)
        {
            return;
        }

        _byAddress.Succeeded(address);
        if (_provenAt.Count >= _options.MaxKeys)
        {
            DateTimeOffset expired = _time.GetUtcNow() - _options.TrustProvenAddressFor;
            foreach (KeyValuePair<(string Subject, string Address), DateTimeOffset> old in _provenAt)
            {
                if (old.Value < expired)
                {
                    _provenAt.TryRemove(old);
                }
            }
        }

        if (_provenAt.Count < _options.MaxKeys)
        {
            _provenAt[(SubjectKey(subject), address)] = _time.GetUtcNow();
        }
    }

    private bool IsProven(string subject, string? address) =>
        address is not null && _provenAt.TryGetValue((SubjectKey(subject), address), out DateTimeOffset at) && _time.GetUtcNow() - at <= _options.TrustProvenAddressFor;

    // User names are compared case-insensitively by people; one account must not get one backoff per spelling.
    private static string SubjectKey(string subject) => subject.ToUpperInvariant();
}
