using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>People's accounts (<see cref="IAccountStore"/>), checked against every engine.</summary>
[Trait("Area", "Security")]
public sealed class AccountStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 1, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Create_ThenFind_ByNameInAnyCase_ById_AndByExternalSubject_AlsoAfterAReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        UserAccount created = await stores.Accounts.CreateAsync(Full("Zhang.Wei"), Ct);
        UserAccount other = await stores.Accounts.CreateAsync(Account("audit", Role.AuditAdministrator) with { ExternalSubject = null }, Ct);

        await stores.ReopenAsync();

        Assert.True(created.Id > 0);
        Assert.NotEqual(created.Id, other.Id);
        Assert.Equal(1, created.Version);
        Assert.Equal(Describe(created), Describe((await stores.Accounts.FindAsync("zhang.WEI", Ct))!));
        Assert.Equal(Describe(created), Describe((await stores.Accounts.FindAsync(created.Id, Ct))!));
        Assert.Equal(Describe(created), Describe((await stores.Accounts.FindByExternalSubjectAsync("https://idp.sc.gov.cn|4711", Ct))!));
        Assert.Null(await stores.Accounts.FindAsync("zhang.wei2", Ct));
        Assert.Null(await stores.Accounts.FindAsync(999_999, Ct));
        Assert.Equal(["audit", "Zhang.Wei"], (await stores.Accounts.ListAsync(Ct)).Select(a => a.UserName));
    }

    [Theory, StoreProviders]
    public async Task ANameTakenInAnotherCase_OrALinkedSubject_OrTwoSeparatedAdministrators_AreRefused_NothingStored(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.Accounts.CreateAsync(Full("Zhang.Wei"), Ct);

        AccountConflictException name = await Assert.ThrowsAsync<AccountConflictException>(() => stores.Accounts.CreateAsync(Account("ZHANG.wei"), Ct));
        AccountConflictException subject = await Assert.ThrowsAsync<AccountConflictException>(() =>
            stores.Accounts.CreateAsync(Account("li.na") with { ExternalSubject = "https://idp.sc.gov.cn|4711" }, Ct));
        AccountConflictException separated = await Assert.ThrowsAsync<AccountConflictException>(() =>
            stores.Accounts.CreateAsync(Account("wang.fang", Role.SystemAdministrator, Role.AuditAdministrator), Ct));

        Assert.Contains("exists already", name.Message, StringComparison.Ordinal);
        Assert.Contains("linked to another account", subject.Message, StringComparison.Ordinal);
        Assert.Contains("三员分立", separated.Message, StringComparison.Ordinal);
        Assert.Equal(["Zhang.Wei"], (await stores.Accounts.ListAsync(Ct)).Select(a => a.UserName));
    }

    [Theory, StoreProviders]
    public async Task Update_ReplacesFieldsAndRoles_ForTheVersionRead_AndAnotherNodeSeesIt(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IAccountStore other = stores.OpenSecond<IAccountStore>();
        UserAccount read = await stores.Accounts.CreateAsync(Full("Zhang.Wei"), Ct);

        UserAccount changed = read with
        {
            DisplayName = "张伟（监测科）", Roles = [Role.Enforcement], Jurisdiction = RegionCode.Parse("510104"), Enterprise = null,
            PasswordHash = "AQAAAAIAAYagAAAAEN==", PasswordHistory = ["AQAAAAIAAYagAAAAEA=="], MustChangePassword = false, FailedSignIns = 0,
            LockedUntil = null, TotpSecret = null, TotpLastStep = 0, RecoveryCodeHashes = [], ExternalSubject = null, IsDisabled = true,
            LastSignInAt = T0 + Duration.FromHours(2), PasswordChangedAt = T0 + Duration.FromHours(1),
        };
        UserAccount? updated = await stores.Accounts.UpdateAsync(changed, Ct);

        Assert.NotNull(updated);
        Assert.Equal(2, updated.Version);
        Assert.Equal(Describe(updated), Describe((await other.FindAsync("zhang.wei", Ct))!));
        Assert.Null(await other.FindByExternalSubjectAsync("https://idp.sc.gov.cn|4711", Ct));
        // A writer that read version 1 loses: nothing of its change is stored.
        Assert.Null(await other.UpdateAsync(read with { DisplayName = "stale", Roles = [Role.Manager] }, Ct));
        Assert.Null(await stores.Accounts.UpdateAsync(read with { Id = 999_999 }, Ct));
        Assert.Equal(Describe(updated), Describe((await stores.Accounts.FindAsync(read.Id, Ct))!));
        await Assert.ThrowsAsync<AccountConflictException>(() =>
            stores.Accounts.UpdateAsync(updated with { Roles = [Role.SecurityAdministrator, Role.SystemAdministrator] }, Ct));
    }

    [Theory, StoreProviders]
    public async Task LinkingASubjectAnotherAccountHolds_IsRefused(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.Accounts.CreateAsync(Full("Zhang.Wei"), Ct);
        UserAccount li = await stores.Accounts.CreateAsync(Account("li.na"), Ct);

        await Assert.ThrowsAsync<AccountConflictException>(() => stores.Accounts.UpdateAsync(li with { ExternalSubject = "https://idp.sc.gov.cn|4711" }, Ct));

        Assert.Null((await stores.Accounts.FindAsync(li.Id, Ct))!.ExternalSubject);
    }

    [Theory, StoreProviders]
    public async Task CountEnabledWithRole_CountsOnlyEnabledHolders(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Assert.Equal(0, await stores.Accounts.CountEnabledWithRoleAsync(Role.SystemAdministrator, Ct));
        await stores.Accounts.CreateAsync(Account("admin1", Role.SystemAdministrator), Ct);
        await stores.Accounts.CreateAsync(Account("admin2", Role.SystemAdministrator) with { IsDisabled = true }, Ct);
        await stores.Accounts.CreateAsync(Account("reviewer", Role.DataReviewer), Ct);

        Assert.Equal(1, await stores.Accounts.CountEnabledWithRoleAsync(Role.SystemAdministrator, Ct));
        Assert.Equal(1, await stores.Accounts.CountEnabledWithRoleAsync(Role.DataReviewer, Ct));
        Assert.Equal(0, await stores.Accounts.CountEnabledWithRoleAsync(Role.AuditAdministrator, Ct));
    }

    [Theory, StoreProviders]
    public async Task TwoNodesCreatingOneName_AtOnce_OneWins(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IAccountStore other = stores.OpenSecond<IAccountStore>();

        Task<UserAccount>[] attempts = [.. Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? stores.Accounts : other).CreateAsync(Account(i % 3 == 0 ? "Chen.Jie" : "chen.jie"), Ct), Ct))];
        int refused = 0;
        foreach (Task<UserAccount> attempt in attempts)
        {
            try
            {
                await attempt;
            }
            catch (AccountConflictException)
            {
                refused++;
            }
        }

        Assert.Equal(attempts.Length - 1, refused);
        Assert.Single(await stores.Accounts.ListAsync(Ct));
    }

    private static UserAccount Account(string name, params Role[] roles) => new()
    {
        UserName = name, DisplayName = name, Roles = roles, CreatedAt = T0, CreatedBy = "test",
    };

    private static UserAccount Full(string name) => new()
    {
        UserName = name, DisplayName = "张伟", Roles = [Role.Manager, Role.DataReviewer], Jurisdiction = RegionCode.Parse("510100"),
        Enterprise = "成都某电厂", PasswordHash = "AQAAAAIAAYagAAAAEA==", PasswordHistory = ["AQAAAAIAAYagAAAAEB==", "AQAAAAIAAYagAAAAEC=="],
        PasswordChangedAt = T0, MustChangePassword = true, FailedSignIns = 2, LockedUntil = T0 + Duration.FromMinutes(15),
        TotpSecret = "CfDJ8protected", TotpLastStep = 59_000_001, RecoveryCodeHashes = ["AQAAAAIAAYagAAAAED==", "AQAAAAIAAYagAAAAEE=="],
        ExternalSubject = "https://idp.sc.gov.cn|4711", CreatedAt = T0, CreatedBy = "set-up", LastSignInAt = T0 + Duration.FromMinutes(1),
    };

    // Records compare lists by reference: the text of every field instead.
    private static string Describe(UserAccount a) =>
        $"{a with { Roles = [], PasswordHistory = [], RecoveryCodeHashes = [] }} roles {string.Join(",", a.Roles)} history {string.Join(",", a.PasswordHistory)} codes {string.Join(",", a.RecoveryCodeHashes)}";
}
