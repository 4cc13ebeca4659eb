namespace EcoMonitor.Web.Api;

/// <summary>A new account (no role yet: the security administrator assigns them).</summary>
/// <param name="User">The sign-in name: 1–64 ASCII letters, digits and <c>. _ - @</c>, unique without regard to case.</param>
/// <param name="DisplayName">The person's name (e.g. 张伟).</param>
public sealed record AccountCreateInput(string? User, string? DisplayName);
