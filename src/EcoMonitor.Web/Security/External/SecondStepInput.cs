namespace EcoMonitor.Web.Security.External;

/// <summary>The body of <c>POST /api/v1/console/login/oidc/code</c>.</summary>
/// <param name="Code">The authenticator's current 6-digit code or one of the recovery codes.</param>
public sealed record SecondStepInput(string? Code);
