using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>An administrator created at set-up.</summary>
/// <param name="Role">Which of the three.</param>
/// <param name="User">The account name.</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="TemporaryPassword">To hand over; set their own at the first sign-in.</param>
public sealed record SetUpAccountDto(Role Role, string User, string DisplayName, string TemporaryPassword);
