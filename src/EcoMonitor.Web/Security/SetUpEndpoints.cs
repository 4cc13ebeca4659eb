using EcoMonitor.Application.Access;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

using EcoMonitor.Web.Security.External;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The first-run set-up (ADR 0036 §6, docs/security.md "First run"): whether it is still needed, and — with the
/// one-time token a node printed at start — the creation of the three separated administrators. Anonymous by nature
/// (nobody can sign in yet): the token, 256 random bits good once, is the credential; the API's per-client rate limit
/// bounds guessing.
/// </summary>
internal static class SetUpEndpoints
{
    private const int MaxTokenLength = 128;

    public static WebApplication MapSetUp(this WebApplication app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/setup").WithTags("Console").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        group.MapGet("/", StatusAsync).PublicData()
            .WithSummary("Whether the first-run set-up is still needed (no system administrator exists).");
        group.MapPost("/", CompleteAsync).PublicData()
            .WithSummary("Creates the system, security and audit administrators with the set-up token printed at start; returns their temporary passwords (shown once).")
            .WithDescription("Body: {\"token\": \"ecs_…\", \"systemAdministrator\": {\"user\": \"sysadmin\", \"displayName\": \"王芳\"}, \"securityAdministrator\": {…}, \"auditAdministrator\": {…}} — three different people (三员分立). Each signs in with the temporary password, sets their own and enrols an authenticator. 403 `set-up-refused` when the token is wrong, used or expired or set-up is done; the token is good once (a node prints a new one at each start while set-up is needed).");
        return app;
    }

    private static async Task<Ok<SetUpStatusDto>> StatusAsync(FirstRunSetUp setUp, IOptions<OidcOptions> oidc, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SetUpStatusDto(await setUp.IsRequiredAsync(cancellationToken), oidc.Value.IsConfigured, !oidc.Value.IsConfigured || oidc.Value.LocalPasswords));

    private static async Task<Results<Created<SetUpResultDto>, InvalidBodyProblem, SetUpRefusedProblem, AccountConflictProblem>> CompleteAsync(
        SetUpInput input, FirstRunSetUp setUp, CancellationToken cancellationToken)
    {
        if (input.Token is not { Length: > 0 and <= MaxTokenLength } token)
        {
            return new InvalidBodyProblem("The set-up token printed in the log at start is required.", ApiProblems.Errors("$.token", "required"));
        }

        SetUpRequestAccount[] administrators =
        [
            Of(Role.SystemAdministrator, input.SystemAdministrator),
            Of(Role.SecurityAdministrator, input.SecurityAdministrator),
            Of(Role.AuditAdministrator, input.AuditAdministrator),
        ];
        try
        {
            IReadOnlyList<SetUpAccount>? created = await setUp.CompleteAsync(token.Trim(), administrators, cancellationToken);
            return created is null
                ? new SetUpRefusedProblem("The set-up token is wrong, used or expired, or set-up is done. A node prints a new token at each start while no system administrator exists.")
                : TypedResults.Created("/api/v1/accounts", new SetUpResultDto([.. created.Select(a => new SetUpAccountDto(a.Account.Roles[0], a.Account.UserName, a.Account.DisplayName, a.TemporaryPassword))]));
        }
        catch (AccountRuleException e)
        {
            return new InvalidBodyProblem("The administrators cannot be created: " + string.Join("; ", e.Problems) + ".", ApiProblems.Errors("$", [.. e.Problems]));
        }
        catch (AccountConflictException e)
        {
            return new AccountConflictProblem(e.Message);
        }
    }

    private static SetUpRequestAccount Of(Role role, SetUpPersonInput? person) => new(role, person?.User ?? "", person?.DisplayName ?? "");
}
