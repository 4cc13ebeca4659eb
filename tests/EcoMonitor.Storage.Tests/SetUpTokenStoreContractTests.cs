using EcoMonitor.Application.Access;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The first-run set-up token (<see cref="ISetUpTokenStore"/>), checked against every engine.</summary>
[Trait("Area", "Security")]
public sealed class SetUpTokenStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 1, 0);
    private static readonly Instant Expiry = T0 + Duration.FromHours(24);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task TheToken_IsGoodOnce_OnAnyNode_OnlyBeforeItsExpiry_AndAReplacementRetiresTheEarlierOne(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        ISetUpTokenStore tokens = stores.OpenSecond<ISetUpTokenStore>();
        ISetUpTokenStore other = stores.OpenSecond<ISetUpTokenStore>();
        await tokens.ReplaceAsync("first", Expiry, Ct);
        await tokens.ReplaceAsync("second", Expiry, Ct);

        Assert.Null(await other.ConsumeAsync("first", T0, Ct));
        Assert.Null(await other.ConsumeAsync("second", Expiry, Ct));
        Assert.Equal(Expiry, await other.ConsumeAsync("second", T0, Ct));
        Assert.Null(await tokens.ConsumeAsync("second", T0, Ct));
    }

    [Theory, StoreProviders]
    public async Task TwoNodes_ConsumingTheSameToken_AtOnce_OneWins(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        ISetUpTokenStore a = stores.OpenSecond<ISetUpTokenStore>();
        ISetUpTokenStore b = stores.OpenSecond<ISetUpTokenStore>();
        await a.ReplaceAsync("token", Expiry, Ct);

        Instant?[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).ConsumeAsync("token", T0, Ct)));

        Assert.Single(results, r => r is not null);
    }
}
