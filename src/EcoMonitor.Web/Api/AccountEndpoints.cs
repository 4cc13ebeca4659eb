using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Api;

/// <summary>
/// People's accounts (ADR 0036, docs/security.md): the system administrator creates, disables, enables and resets
/// them (<c>accounts.manage</c>); the security administrator assigns roles, jurisdiction and enterprise
/// (<c>access.assign</c>); both list them (<c>accounts.read</c>). Nobody changes their own access or disables
/// themselves. Every change is in the audit trail with the actor; a changed account's sessions follow within
/// <see cref="AccountSessionValidator.MaxAge"/> on every node (a disabled one ends).
/// </summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAsync).RequirePermission(Permission.AccountsRead)
            .WithSummary("Every account with its roles, scope and sign-in state (never a secret), by name.");
        accounts.MapGet("/{user}", GetAsync).RequirePermission(Permission.AccountsRead).WithSummary("One account.");
        accounts.MapPost("/", CreateAsync).RequirePermission(Permission.AccountsManage)
            .WithSummary("Creates an account without roles and returns its temporary password (shown once).")
            .WithDescription("Body: {\"user\": \"zhang.wei\", \"displayName\": \"张伟\"}. The person signs in with the temporary password and must set their own at once (docs/security.md \"Password policy\"). 409 `account-conflict` when the name is taken (names are compared without regard to case).");
        accounts.MapPut("/{user}/access", AssignAsync).RequirePermission(Permission.AccessAssign)
            .WithSummary("Replaces an account's roles, jurisdiction and enterprise.")
            .WithDescription("Body: {\"roles\": [\"dataReviewer\"], \"jurisdiction\": \"320100\", \"enterprise\": null}. The rules (docs/security.md \"Roles\"): one of the three separated administrators at most and then no other role (三员分立); an enterprise user is nothing else and needs its enterprise; every role but the administrators' needs a jurisdiction; `departmentClient` is for API clients. Nobody assigns their own access.");
        accounts.MapPut("/{user}/external-identity", LinkAsync).RequirePermission(Permission.AccessAssign)
            .WithSummary("Links the account to a person at the identity provider (统一身份认证), or removes the link.")
            .WithDescription("Body: {\"issuer\": \"https://idp.example.gov.cn\", \"subject\": \"4711\"} — the provider's issuer exactly as its ID tokens say and the person's identifier there; {\"issuer\": null, \"subject\": null} removes the link. The person then signs in through the provider with this account's roles and jurisdiction (docs/security.md \"External identity (OIDC)\"). Audited as `account.external-linked` / `account.external-unlinked`. 409 `account-conflict` when another account is linked to that identity. Nobody links their own account.");
        accounts.MapPost("/{user}/disable", DisableAsync).RequirePermission(Permission.AccountsManage)
            .WithSummary("Disables an account: its sessions end and it cannot sign in (accounts are never deleted).");
        accounts.MapPost("/{user}/enable", EnableAsync).RequirePermission(Permission.AccountsManage).WithSummary("Enables a disabled account again.");
        accounts.MapPost("/{user}/reset-password", ResetPasswordAsync).RequirePermission(Permission.AccountsManage)
            .WithSummary("Gives the account a new temporary password (shown once) and lifts a lockout; the person sets their own at the next sign-in.");
        accounts.MapPost("/{user}/reset-two-factor", ResetTwoFactorAsync).RequirePermission(Permission.AccountsManage)
            .WithSummary("Removes the account's authenticator and recovery codes (a lost phone); roles that need two factors enrol a new one at the next sign-in.");
        return api;
    }

    private static async Task<Ok<AccountDto[]>> ListAsync(IAccountStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToInstant();
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(a => AccountDto.From(a, now)).ToArray());
    }

    private static async Task<Results<Ok<AccountDto>, UnknownAccountProblem>> GetAsync(string user, IAccountStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.FindAsync(user, cancellationToken) is { } account
            ? TypedResults.Ok(AccountDto.From(account, time.GetUtcNow().ToInstant()))
            : Unknown(user);

    private static async Task<Results<Created<AccountPasswordDto>, InvalidBodyProblem, AccountConflictProblem>> CreateAsync(
        AccountCreateInput input, HttpContext context, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            (UserAccount account, string temporary) = await accounts.CreateAsync(AuditActor.Of(context), input.User ?? "", input.DisplayName ?? "", cancellationToken);
            return TypedResults.Created($"/api/v1/accounts/{Uri.EscapeDataString(account.UserName)}",
                new AccountPasswordDto(AccountDto.From(account, time.GetUtcNow().ToInstant()), temporary));
        }
        catch (AccountRuleException e)
        {
            return Refused(e);
        }
        catch (AccountConflictException e)
        {
            return new AccountConflictProblem(e.Message);
        }
    }

    private static async Task<Results<Ok<AccountDto>, InvalidBodyProblem, UnknownAccountProblem, AccountConflictProblem>> AssignAsync(
        string user, AccountAccessInput input, HttpContext context, AccountService accounts, IAccountStore store, StationRegistry registry,
        AccountSessionValidator sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        RegionCode? jurisdiction = null;
        if (!string.IsNullOrWhiteSpace(input.Jurisdiction))
        {
            if (!RegionCode.TryParse(input.Jurisdiction.Trim(), out RegionCode parsed))
            {
                return Refused("$.jurisdiction", "a jurisdiction is a region code of 6 digits (province, city or county, GB/T 2260; 100000 the whole country)");
            }

            jurisdiction = parsed;
        }

        string? enterprise = string.IsNullOrWhiteSpace(input.Enterprise) ? null : input.Enterprise.Trim();
        if (enterprise is not null && !registry.Stations.Any(s => string.Equals(s.Enterprise, enterprise, StringComparison.Ordinal)))
        {
            return Refused("$.enterprise", $"no registered station belongs to an enterprise named '{enterprise}'");
        }

        return await ChangeAsync(user, store, sessions, time, () => accounts.AssignAccessAsync(AuditActor.Of(context), user, input.Roles ?? [], jurisdiction, enterprise, cancellationToken), cancellationToken);
    }

    private static async Task<Results<Ok<AccountDto>, InvalidBodyProblem, UnknownAccountProblem, AccountConflictProblem>> LinkAsync(
        string user, ExternalIdentityDto input, HttpContext context, AccountService accounts, IAccountStore store, AccountSessionValidator sessions,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ExternalIdentity? identity = null;
        if (input.Issuer is not null || input.Subject is not null)
        {
            if (ExternalIdentity.Problem(input.Issuer, input.Subject) is { } problem)
            {
                return Refused(input.Issuer is null || problem.StartsWith("the issuer", StringComparison.Ordinal) ? "$.issuer" : "$.subject", problem);
            }

            identity = ExternalIdentity.Of(input.Issuer!, input.Subject!);
        }

        return await ChangeAsync(user, store, sessions, time, () => accounts.LinkExternalAsync(AuditActor.Of(context), user, identity, cancellationToken), cancellationToken);
    }

    private static Task<Results<Ok<AccountDto>, InvalidBodyProblem, UnknownAccountProblem, AccountConflictProblem>> DisableAsync(
        string user, HttpContext context, AccountService accounts, IAccountStore store, AccountSessionValidator sessions, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(user, store, sessions, time, () => accounts.SetDisabledAsync(AuditActor.Of(context), user, true, cancellationToken), cancellationToken);

    private static Task<Results<Ok<AccountDto>, InvalidBodyProblem, UnknownAccountProblem, AccountConflictProblem>> EnableAsync(
        string user, HttpContext context, AccountService accounts, IAccountStore store, AccountSessionValidator sessions, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(user, store, sessions, time, () => accounts.SetDisabledAsync(AuditActor.Of(context), user, false, cancellationToken), cancellationToken);

    private static Task<Results<Ok<AccountDto>, InvalidBodyProblem, UnknownAccountProblem, AccountConflictProblem>> ResetTwoFactorAsync(
        string user, HttpContext context, AccountService accounts, IAccountStore store, AccountSessionValidator sessions, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(user, store, sessions, time, () => accounts.ResetTwoFactorAsync(AuditActor.Of(context), user, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<AccountPasswordDto>, UnknownAccountProblem, AccountConflictProblem>> ResetPasswordAsync(
        string user, HttpContext context, AccountService accounts, IAccountStore store, AccountSessionValidator sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(user, cancellationToken) is null)
        {
            return Unknown(user);
        }

        try
        {
            (UserAccount account, string temporary) = await accounts.ResetPasswordAsync(AuditActor.Of(context), user, cancellationToken);
            sessions.Forget(account.Id);
            return TypedResults.Ok(new AccountPasswordDto(AccountDto.From(account, time.GetUtcNow().ToInstant()), temporary));
        }
        catch (AccountConflictException e)
        {
            return new AccountConflictProblem(e.Message);
        }
    }

    private static async Task<Results<Ok<AccountDto>, InvalidBodyProblem, UnknownAccountProblem, AccountConflictProblem>> ChangeAsync(
        string user, IAccountStore store, AccountSessionValidator sessions, TimeProvider time, Func<Task<UserAccount>> change, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(user, cancellationToken) is null)
        {
            return Unknown(user);
        }

        try
        {
            UserAccount account = await change();
            sessions.Forget(account.Id);
            return TypedResults.Ok(AccountDto.From(account, time.GetUtcNow().ToInstant()));
        }
        catch (AccountRuleException e)
        {
            return Refused(e);
        }
        catch (AccountConflictException e)
        {
            return new AccountConflictProblem(e.Message);
        }
    }

    private static UnknownAccountProblem Unknown(string user) => new($"No account is named '{user}'.");

    private static InvalidBodyProblem Refused(AccountRuleException e) =>
        new("The request breaks an account rule: " + string.Join("; ", e.Problems) + ".", ApiProblems.Errors("$", [.. e.Problems]));

    private static InvalidBodyProblem Refused(string place, string reason) => new(reason + ".", ApiProblems.Errors(place, reason));
}
