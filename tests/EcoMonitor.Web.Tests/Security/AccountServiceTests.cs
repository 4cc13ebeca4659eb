using EcoMonitor.Application.Access;
using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// People's accounts through the host's own <see cref="AccountService"/> (real SQLite store, real audit trail, the
/// platform's data-protection keys): creation, role assignment rules, the password policy with history, lockout, two
/// factors with replay refusal and recovery codes, administrator password expiry.
/// </summary>
[Trait("Area", "Security")]
public sealed class AccountServiceTests : IAsyncLifetime
{
    private const string Admin = "sys.admin";
    private const string Security = "sec.admin";
    private readonly ApiFactory _api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AccountService Accounts => _api.Services.GetRequiredService<AccountService>();

    private IAccountStore Store => _api.Services.GetRequiredService<IAccountStore>();

    public ValueTask InitializeAsync()
    {
        _ = _api.Client;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task ANewAccount_HasNoRole_AndMustChangeItsTemporaryPassword_ToOneThePolicyAllows()
    {
        (UserAccount created, string temporary) = await Accounts.CreateAsync(Admin, "Zhang.Wei", "张伟", Ct);

        SignInResult first = await Accounts.SignInAsync("zhang.wei", temporary, null, Ct);

        Assert.Empty(created.Roles);
        Assert.Equal(SignInOutcome.Succeeded, first.Outcome);
        Assert.True(first.MustChangePassword);
        AccountRuleException weak = await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.ChangePasswordAsync("Zhang.Wei", temporary, "zhangwei", Ct));
        AccountRuleException named = await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.ChangePasswordAsync("Zhang.Wei", temporary, "zhang.WEI-2026", Ct));
        Assert.Equal(["at least 3 of the four kinds of character: lower-case letters, upper-case letters, digits, others (this one uses 1)"], weak.Problems);
        Assert.Equal(["must not contain the account name"], named.Problems);
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.ChangePasswordAsync("Zhang.Wei", "wrong", "Sichuan-2026", Ct));

        await Accounts.ChangePasswordAsync("Zhang.Wei", temporary, "Sichuan-2026", Ct);

        Assert.Equal(SignInOutcome.Failed, (await Accounts.SignInAsync("Zhang.Wei", temporary, null, Ct)).Outcome);
        SignInResult second = await Accounts.SignInAsync("Zhang.Wei", "Sichuan-2026", null, Ct);
        Assert.Equal(SignInOutcome.Succeeded, second.Outcome);
        Assert.False(second.MustChangePassword);
        Assert.False(second.MustEnrolTwoFactor);
        IReadOnlyList<AuditEntry> trail = await AuditAsync();
        Assert.Contains(trail, e => e.Action == "account.created" && e.Actor == Admin && e.SubjectId == "Zhang.Wei" && !e.After!.Contains("AQAA", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == "account.password-changed" && e.Actor == "Zhang.Wei");
    }

    [Fact]
    public async Task TheLastThreePasswords_CannotBeUsedAgain()
    {
        string current = (await Accounts.CreateAsync(Admin, "li.na", "李娜", Ct)).TemporaryPassword;
        foreach (string next in new[] { "Chengdu-0001", "Chengdu-0002", "Chengdu-0003" })
        {
            await Accounts.ChangePasswordAsync("li.na", current, next, Ct);
            current = next;
        }

        foreach (string reused in new[] { "Chengdu-0003", "Chengdu-0002", "Chengdu-0001" })
        {
            AccountRuleException refused = await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.ChangePasswordAsync("li.na", current, reused, Ct));
            Assert.Contains("must differ from the current password and the 3 before it", refused.Message, StringComparison.Ordinal);
        }

        await Accounts.ChangePasswordAsync("li.na", current, "Chengdu-0004", Ct);
    }

    [Fact]
    public async Task Roles_AreAssignedBySomeoneElse_KeepTheSeparation_AndNeedAJurisdictionOrEnterprise()
    {
        await Accounts.CreateAsync(Admin, "wang.fang", "王芳", Ct);

        async Task<string> Refused(string actor, Role[] roles, string? region, string? enterprise) =>
            (await Assert.ThrowsAsync<AccountRuleException>(() =>
                Accounts.AssignAccessAsync(actor, "wang.fang", roles, region is null ? null : RegionCode.Parse(region), enterprise, Ct))).Message;

        Assert.Contains("nobody assigns their own roles", await Refused("Wang.Fang", [Role.Manager], "510100", null), StringComparison.Ordinal);
        Assert.Contains("三员分立", await Refused(Security, [Role.SystemAdministrator, Role.AuditAdministrator], null, null), StringComparison.Ordinal);
        Assert.Contains("jurisdiction", await Refused(Security, [Role.DataReviewer], null, null), StringComparison.Ordinal);
        Assert.Contains("needs its enterprise", await Refused(Security, [Role.EnterpriseUser], "510100", null), StringComparison.Ordinal);
        Assert.Contains("only an enterprise user", await Refused(Security, [Role.Manager], "510100", "某电厂"), StringComparison.Ordinal);

        UserAccount assigned = await Accounts.AssignAccessAsync(Security, "wang.fang", [Role.Manager, Role.DataReviewer], RegionCode.Parse("510100"), null, Ct);

        Assert.Equal([Role.DataReviewer, Role.Manager], assigned.Roles);
        AuditEntry entry = Assert.Single(await AuditAsync(), e => e.Action == "account.access-assigned");
        Assert.Equal(Security, entry.Actor);
        Assert.Contains("\"roles\":[]", entry.Before!, StringComparison.Ordinal);
        Assert.Contains("\"roles\":[\"dataReviewer\",\"manager\"]", entry.After!, StringComparison.Ordinal);
        Assert.Contains("\"jurisdiction\":\"510100\"", entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne_UntilAReset()
    {
        string temporary = (await Accounts.CreateAsync(Admin, "chen.jie", "陈杰", Ct)).TemporaryPassword;

        SignInOutcome[] outcomes = [.. await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Accounts.SignInAsync("chen.jie", "guess", null, Ct)))
            .ContinueWith(t => t.Result.Select(r => r.Outcome), Ct, TaskContinuationOptions.None, TaskScheduler.Default)];
        SignInResult locked = await Accounts.SignInAsync("chen.jie", temporary, null, Ct);

        Assert.Equal(4, outcomes.Count(o => o == SignInOutcome.Failed));
        Assert.Equal(1, outcomes.Count(o => o == SignInOutcome.LockedOut));
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.NotNull(locked.LockedUntil);
        Assert.Contains(await AuditAsync(), e => e.Action == "account.locked" && e.Actor == "system:accounts" && e.SubjectId == "chen.jie");
        Assert.Equal(SignInOutcome.Failed, (await Accounts.SignInAsync("nobody.here", "guess", null, Ct)).Outcome);

        (_, string reset) = await Accounts.ResetPasswordAsync(Admin, "chen.jie", Ct);

        SignInResult after = await Accounts.SignInAsync("chen.jie", reset, null, Ct);
        Assert.Equal(SignInOutcome.Succeeded, after.Outcome);
        Assert.True(after.MustChangePassword);
    }

    [Fact]
    public async Task AnAdministrator_EnrolsTwoFactors_ThenNeedsACode_EachGoodOnce_OrARecoveryCodeOnce()
    {
        string temporary = (await Accounts.CreateAsync(Admin, "audit.admin", "审计员", Ct)).TemporaryPassword;
        await Accounts.AssignAccessAsync(Security, "audit.admin", [Role.AuditAdministrator], null, null, Ct);
        await Accounts.ChangePasswordAsync("audit.admin", temporary, "Audit-2026!", Ct);

        Assert.True((await Accounts.SignInAsync("audit.admin", "Audit-2026!", null, Ct)).MustEnrolTwoFactor);
        (string secret, Uri link) = Accounts.BeginTwoFactor("audit.admin");
        Assert.StartsWith("otpauth://totp/EcoMonitor:audit.admin?secret=", link.OriginalString, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.ConfirmTwoFactorAsync("audit.admin", secret, "000000", Ct));
        // One instant for every code below: a step boundary passing mid-test must not turn "the spent code" into the next one.
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string confirming = TotpAuthenticator.CodeAt(secret, now);
        IReadOnlyList<string> recovery = await Accounts.ConfirmTwoFactorAsync("audit.admin", secret, confirming, Ct);

        UserAccount stored = (await Store.FindAsync("audit.admin", Ct))!;
        Assert.DoesNotContain(secret, stored.TotpSecret, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.SecondFactorRequired, (await Accounts.SignInAsync("audit.admin", "Audit-2026!", null, Ct)).Outcome);
        // The code used to confirm is spent; the next step's code (within the drift window) is good once.
        Assert.Equal(SignInOutcome.Failed, (await Accounts.SignInAsync("audit.admin", "Audit-2026!", confirming, Ct)).Outcome);
        string next = TotpAuthenticator.CodeAt(secret, now.AddSeconds(30));
        SignInResult signedIn = await Accounts.SignInAsync("audit.admin", "Audit-2026!", next, Ct);
        Assert.Equal(SignInOutcome.Succeeded, signedIn.Outcome);
        Assert.False(signedIn.MustEnrolTwoFactor);
        Assert.Equal(SignInOutcome.Failed, (await Accounts.SignInAsync("audit.admin", "Audit-2026!", next, Ct)).Outcome);

        SignInResult withRecovery = await Accounts.SignInAsync("audit.admin", "Audit-2026!", recovery[4], Ct);
        Assert.Equal(SignInOutcome.Succeeded, withRecovery.Outcome);
        Assert.True(withRecovery.UsedRecoveryCode);
        Assert.Equal(SignInOutcome.Failed, (await Accounts.SignInAsync("audit.admin", "Audit-2026!", recovery[4], Ct)).Outcome);
        Assert.Equal(RecoveryCodes.Count - 1, (await Store.FindAsync("audit.admin", Ct))!.RecoveryCodeHashes.Count);
    }

    [Fact]
    public async Task AnAdministratorsOldPassword_MustBeChanged_AndADisabledAccount_DoesNotSignIn()
    {
        string temporary = (await Accounts.CreateAsync(Admin, "ops.admin", "运维管理员", Ct)).TemporaryPassword;
        await Accounts.AssignAccessAsync(Security, "ops.admin", [Role.SystemAdministrator], null, null, Ct);
        await Accounts.ChangePasswordAsync("ops.admin", temporary, "Ops-2026-xyz", Ct);
        UserAccount account = (await Store.FindAsync("ops.admin", Ct))!;
        await Store.UpdateAsync(account with { PasswordChangedAt = account.PasswordChangedAt!.Value - Duration.FromDays(91) }, Ct);

        Assert.True((await Accounts.SignInAsync("ops.admin", "Ops-2026-xyz", null, Ct)).MustChangePassword);

        await Accounts.SetDisabledAsync(Admin, "ops.admin", disabled: true, Ct);
        Assert.Equal(SignInOutcome.Disabled, (await Accounts.SignInAsync("ops.admin", "Ops-2026-xyz", null, Ct)).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await Accounts.SignInAsync("ops.admin", "Ops-2026-wrong", null, Ct)).Outcome);
        await Assert.ThrowsAsync<AccountRuleException>(() => Accounts.SetDisabledAsync("OPS.admin", "ops.admin", disabled: true, Ct));
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        await _api.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 1000, Ct);
}
