namespace EcoMonitor.Application.Access;

/// <summary>An administrator created at set-up, with the temporary password to hand over.</summary>
/// <param name="Account">The account.</param>
/// <param name="TemporaryPassword">Shown once; changed at the first sign-in.</param>
public sealed record SetUpAccount(UserAccount Account, string TemporaryPassword);
