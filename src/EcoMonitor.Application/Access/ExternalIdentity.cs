namespace EcoMonitor.Application.Access;

/// <summary>
/// A person as an OpenID Connect provider names them (ADR 0036 §7): the provider's issuer (<c>iss</c>) and the
/// person's subject there (by default <c>sub</c>). Stored on the account as <see cref="Key"/>, <c>issuer|subject</c>,
/// unique on every engine — the issuer is a URL, which holds no <c>|</c>, so the key is read back unambiguously.
/// </summary>
public readonly record struct ExternalIdentity
{
    /// <summary>The longest issuer or subject accepted (the store's key holds both).</summary>
    public const int MaxLength = 255;

    private ExternalIdentity(string issuer, string subject)
    {
        Issuer = issuer;
        Subject = subject;
    }

    /// <summary>The provider's issuer identifier (an https URL, as its discovery document says).</summary>
    public string Issuer { get; }

    /// <summary>The person's identifier at the provider (never reassigned to another person, OpenID Connect Core §2).</summary>
    public string Subject { get; }

    /// <summary>The stored form, <c>issuer|subject</c> (<see cref="UserAccount.ExternalSubject"/>).</summary>
    public string Key => Issuer + "|" + Subject;

    /// <summary>Null when <paramref name="issuer"/> and <paramref name="subject"/> make an identity, else the reason.</summary>
    public static string? Problem(string? issuer, string? subject)
    {
        if (string.IsNullOrWhiteSpace(issuer) || issuer.Length > MaxLength || issuer.Contains('|', StringComparison.Ordinal)
            || !Uri.TryCreate(issuer, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || HasControl(issuer))
        {
            return $"the issuer must be the provider's absolute https URL of at most {MaxLength} characters";
        }

        return string.IsNullOrEmpty(subject) || subject.Length > MaxLength || HasControl(subject)
            ? $"the subject must have 1–{MaxLength} characters without control characters"
            : null;
    }

    /// <summary>The identity of <paramref name="issuer"/> and <paramref name="subject"/>; throws when <see cref="Problem"/> names one.</summary>
    public static ExternalIdentity Of(string issuer, string subject) =>
        Problem(issuer, subject) is { } problem ? throw new AccountRuleException(problem) : new ExternalIdentity(issuer, subject);

    /// <summary>The identity of a stored <see cref="Key"/>.</summary>
    public static ExternalIdentity FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int bar = key.IndexOf('|', StringComparison.Ordinal);
        return bar <= 0 ? throw new InvalidOperationException("The store holds an external identity without an issuer.") : new ExternalIdentity(key[..bar], key[(bar + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => Key;

    private static bool HasControl(string text) => text.Any(char.IsControl);
}
