namespace EcoMonitor.Web.Api;

/// <summary>An account with the temporary password to hand over to its person (shown once; changed at the first sign-in).</summary>
/// <param name="Account">The account.</param>
/// <param name="TemporaryPassword">The temporary password.</param>
public sealed record AccountPasswordDto(AccountDto Account, string TemporaryPassword);
