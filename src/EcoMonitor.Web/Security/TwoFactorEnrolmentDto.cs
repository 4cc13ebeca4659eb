namespace EcoMonitor.Web.Security;

/// <summary>An authenticator enrolment in progress.</summary>
/// <param name="Secret">The new secret (Base32), for typing into the app by hand.</param>
/// <param name="Link">Its <c>otpauth://totp/…</c> link, for a QR code.</param>
/// <param name="Enrolment">The token to send back with the app's first code (good for 10 minutes).</param>
public sealed record TwoFactorEnrolmentDto(string Secret, string Link, string Enrolment);
