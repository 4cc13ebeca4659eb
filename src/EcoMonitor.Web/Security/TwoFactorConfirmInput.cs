namespace EcoMonitor.Web.Security;

/// <summary>The app's first code, proving it holds the new secret.</summary>
/// <param name="Enrolment">The token from POST /api/v1/console/me/two-factor.</param>
/// <param name="Code">The app's current 6-digit code.</param>
public sealed record TwoFactorConfirmInput(string? Enrolment, string? Code);
