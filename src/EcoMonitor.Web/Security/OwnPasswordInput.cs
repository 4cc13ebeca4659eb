namespace EcoMonitor.Web.Security;

/// <summary>A person's new password.</summary>
/// <param name="CurrentPassword">The password of this session's sign-in (the temporary one at first).</param>
/// <param name="NewPassword">The new password, under the policy.</param>
public sealed record OwnPasswordInput(string? CurrentPassword, string? NewPassword);
