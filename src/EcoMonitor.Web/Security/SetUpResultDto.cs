namespace EcoMonitor.Web.Security;

/// <summary>The administrators created at set-up.</summary>
/// <param name="Accounts">Each with its temporary password (shown once).</param>
public sealed record SetUpResultDto(IReadOnlyList<SetUpAccountDto> Accounts);
