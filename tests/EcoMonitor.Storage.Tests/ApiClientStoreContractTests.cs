using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>API clients (<see cref="IApiClientStore"/>), checked against every engine.</summary>
[Trait("Area", "Security")]
public sealed class ApiClientStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 1, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Create_ThenFind_AndList_ByName_AlsoAfterAReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        ApiClient water = Client("abcdefghij01", "省水利厅水文数据交换") with { LastUsedAt = T0 + Duration.FromMinutes(3) };
        ApiClient weather = Client("abcdefghij02", "省气象局") with { Permissions = PermissionSet.Of(Permission.ImportWrite) };
        await stores.ApiClients.CreateAsync(water, Ct);
        await stores.ApiClients.CreateAsync(weather, Ct);

        await stores.ReopenAsync();

        Assert.Equal(water, await stores.ApiClients.FindAsync("abcdefghij01", Ct));
        Assert.Equal(weather, await stores.ApiClients.FindAsync("abcdefghij02", Ct));
        Assert.Null(await stores.ApiClients.FindAsync("ABCDEFGHIJ01", Ct));
        Assert.Null(await stores.ApiClients.FindAsync("nobody", Ct));
        // By name in byte order: 省气 (U+6C14) before 省水 (U+6C34).
        Assert.Equal(["省气象局", "省水利厅水文数据交换"], (await stores.ApiClients.ListAsync(Ct)).Select(c => c.Name));
    }

    [Theory, StoreProviders]
    public async Task ATakenName_OrId_IsRefused_NothingStored(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.ApiClients.CreateAsync(Client("abcdefghij01", "省水利厅"), Ct);

        await Assert.ThrowsAsync<ApiClientConflictException>(() => stores.ApiClients.CreateAsync(Client("abcdefghij02", "省水利厅"), Ct));
        await Assert.ThrowsAsync<ApiClientConflictException>(() => stores.ApiClients.CreateAsync(Client("abcdefghij01", "省气象局"), Ct));

        Assert.Equal(["abcdefghij01"], (await stores.ApiClients.ListAsync(Ct)).Select(c => c.Id));
    }

    [Theory, StoreProviders]
    public async Task Revoke_OnceOnly_AndAnotherNodeSeesIt(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IApiClientStore other = stores.OpenSecond<IApiClientStore>();
        await stores.ApiClients.CreateAsync(Client("abcdefghij01", "省水利厅"), Ct);

        ApiClient? revoked = await stores.ApiClients.RevokeAsync("abcdefghij01", "sec.admin", T0 + Duration.FromDays(1), Ct);
        ApiClient? again = await other.RevokeAsync("abcdefghij01", "someone.else", T0 + Duration.FromDays(2), Ct);

        Assert.NotNull(revoked);
        Assert.Equal(T0 + Duration.FromDays(1), revoked.RevokedAt);
        Assert.Equal("sec.admin", revoked.RevokedBy);
        Assert.Equal(revoked, again);
        Assert.Equal(revoked, await other.FindAsync("abcdefghij01", Ct));
        Assert.Null(await stores.ApiClients.RevokeAsync("nobody", "sec.admin", T0, Ct));
    }

    [Theory, StoreProviders]
    public async Task MarkUsed_NeverGoesBack(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.ApiClients.CreateAsync(Client("abcdefghij01", "省水利厅"), Ct);

        await stores.ApiClients.MarkUsedAsync("abcdefghij01", T0 + Duration.FromMinutes(5), Ct);
        await stores.ApiClients.MarkUsedAsync("abcdefghij01", T0 + Duration.FromMinutes(2), Ct);
        await stores.ApiClients.MarkUsedAsync("nobody", T0, Ct);

        Assert.Equal(T0 + Duration.FromMinutes(5), (await stores.ApiClients.FindAsync("abcdefghij01", Ct))!.LastUsedAt);
    }

    private static ApiClient Client(string id, string name) => new()
    {
        Id = id,
        Name = name,
        Owner = "省水利厅信息中心",
        Permissions = PermissionSet.Of(Permission.AlarmsRead, Permission.CompletenessRead),
        Jurisdiction = RegionCode.Parse("510100"),
        SecretHash = ApiClientKeys.Hash("secret-" + id),
        RequestsPerSecond = 5,
        Burst = 20,
        CreatedAt = T0,
        CreatedBy = "sec.admin",
        ExpiresAt = T0 + Duration.FromDays(365),
    };
}
