using System.Globalization;
using OtpNet;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Time-based one-time passwords for two-factor sign-in (RFC 6238 with Otp.NET): 20-byte secrets, 6 digits, 30-second
/// steps, HMAC-SHA1 — what every authenticator app reads from an <c>otpauth://</c> link. A code is accepted one step
/// early or late (clock drift) and only once: the caller stores the step it matched and passes it back as
/// <c>lastUsedStep</c>, so a code seen over a shoulder cannot be replayed.
/// </summary>
public sealed class TotpAuthenticator(TimeProvider time)
{
    private const int Digits = 6;
    private const int StepSeconds = 30;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    /// <summary>A new random secret, base32 as authenticator apps take it.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The <c>otpauth://</c> link (shown as a QR code) that enrols <paramref name="secret"/> for <paramref name="account"/>.</summary>
    public static Uri EnrolmentLink(string issuer, string account, string secret)
    {
        string label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        return new Uri(string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}"));
    }

    /// <summary>
    /// True when <paramref name="code"/> is the code of <paramref name="secret"/> for now, the step before or the step
    /// after, and that step is later than <paramref name="lastUsedStep"/>; <paramref name="step"/> is then the step to store.
    /// </summary>
    public bool TryVerify(string secret, string code, long lastUsedStep, out long step)
    {
        ArgumentNullException.ThrowIfNull(secret);
        step = 0;
        string digits = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        byte[] key;
        try
        {
            key = Base32Encoding.ToBytes(secret);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var totp = new Totp(key, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out step, Window) && step > lastUsedStep;
    }

    /// <summary>The code of <paramref name="secret"/> at <paramref name="at"/> (for tests and the enrolment check).</summary>
    public static string CodeAt(string secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(secret), StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);
}
