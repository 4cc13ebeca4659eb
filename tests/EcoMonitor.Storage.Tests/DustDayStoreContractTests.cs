using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The dust-day register (<see cref="IDustDayStore"/>, migration 23), checked against every engine.</summary>
[Trait("Area", "Reports")]
public sealed class DustDayStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 16, 1, 30);
    private static readonly RegionCode Chengdu = RegionCode.Parse("510100");
    private static readonly RegionCode Zigong = RegionCode.Parse("510300");
    private static readonly RegionCode Changchun = RegionCode.Parse("220100");
    private static readonly LocalDate March15 = new(2026, 3, 15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Mark_ThenQuery_ByPeriodAndPrefix_OrderedByCityThenDay_AlsoAfterAReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DustDay zigong = new(Zigong, March15, "沙尘过境", "manager.sc", T0);
        DustDay chengdu16 = new(Chengdu, March15.PlusDays(1), "", "manager.sc", T0 + Duration.FromHours(1));
        DustDay chengdu15 = new(Chengdu, March15, "国家沙尘监测网：3月15日受沙尘影响", "manager.sc", T0);
        DustDay changchun = new(Changchun, March15.PlusDays(-1), "浮尘", "manager.jl", T0);
        foreach (DustDay day in new[] { zigong, chengdu16, chengdu15, changchun })
        {
            Assert.Null(await stores.DustDays.MarkAsync(day, Ct));
        }

        await stores.ReopenAsync();

        Assert.Equal([changchun, chengdu15, chengdu16, zigong], await stores.DustDays.QueryAsync(null, March15.PlusDays(-1), March15.PlusDays(1), Ct));
        Assert.Equal([chengdu15, chengdu16, zigong], await stores.DustDays.QueryAsync("51", March15, March15.PlusDays(30), Ct));
        Assert.Equal([chengdu15], await stores.DustDays.QueryAsync("5101", March15, March15, Ct));
        Assert.Empty(await stores.DustDays.QueryAsync(null, March15.PlusDays(2), March15.PlusDays(9), Ct));
    }

    [Theory, StoreProviders]
    public async Task MarkAgain_ReplacesAndReturnsThePrevious_Unmark_ReturnsTheRemovedOnce(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DustDay first = new(Chengdu, March15, "沙尘", "manager.a", T0);
        DustDay second = first with { Note = "沙尘（省站核实）", MarkedBy = "reviewer.b", MarkedAt = T0 + Duration.FromMinutes(5) };
        await stores.DustDays.MarkAsync(first, Ct);

        Assert.Equal(first, await stores.DustDays.MarkAsync(second, Ct));
        Assert.Equal([second], await stores.DustDays.QueryAsync(null, March15, March15, Ct));
        Assert.Equal(second, await stores.DustDays.UnmarkAsync(Chengdu, March15, Ct));
        Assert.Null(await stores.DustDays.UnmarkAsync(Chengdu, March15, Ct));
        Assert.Empty(await stores.DustDays.QueryAsync(null, March15, March15, Ct));
    }
}
