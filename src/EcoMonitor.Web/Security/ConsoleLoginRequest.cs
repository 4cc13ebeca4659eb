namespace EcoMonitor.Web.Security;

/// <summary>A console sign-in.</summary>
/// <param name="User">User name.</param>
/// <param name="Password">Password.</param>
/// <param name="Code">For an account with an authenticator: its current code, or one of the recovery codes.</param>
public sealed record ConsoleLoginRequest(string? User, string? Password, string? Code = null);
