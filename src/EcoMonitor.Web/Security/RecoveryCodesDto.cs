namespace EcoMonitor.Web.Security;

/// <summary>New recovery codes, shown once: each signs in once in place of the authenticator's code.</summary>
/// <param name="RecoveryCodes">The codes.</param>
public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);
