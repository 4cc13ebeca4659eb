namespace EcoMonitor.Web.Security;

/// <summary>One administrator at set-up.</summary>
/// <param name="User">The account name.</param>
/// <param name="DisplayName">The person's name.</param>
public sealed record SetUpPersonInput(string? User, string? DisplayName);
