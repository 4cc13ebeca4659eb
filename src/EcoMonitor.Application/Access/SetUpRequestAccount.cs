namespace EcoMonitor.Application.Access;

/// <summary>One administrator asked for at set-up.</summary>
/// <param name="Role">Which of the three separated administrators.</param>
/// <param name="UserName">The account name.</param>
/// <param name="DisplayName">The person's name.</param>
public sealed record SetUpRequestAccount(Role Role, string UserName, string DisplayName);
