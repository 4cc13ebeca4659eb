using System.Globalization;
using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The assessment targets (<see cref="ITargetStore"/>, migration 25), checked against every engine.</summary>
[Trait("Area", "Reports")]
public sealed class TargetStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 2, 0);
    private static readonly RegionCode Sichuan = RegionCode.Parse("510000");
    private static readonly RegionCode Chengdu = RegionCode.Parse("510100");
    private static readonly RegionCode Jinjiang = RegionCode.Parse("510104");
    private static readonly RegionCode Changchun = RegionCode.Parse("220100");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Put_ThenList_ByYearAndPrefix_OrderedByRegion_EveryFieldKept_AlsoAfterAReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        RegionTargets chengdu = new(Chengdu, 2026, 35.5m, 85.2m, 3, 90.0m,
            [new SectionTargetClass(StationId.Parse("SW5101"), 2), new SectionTargetClass(StationId.Parse("SW5102"), 3)], "manager.cd", T0);
        RegionTargets sichuan = new(Sichuan, 2026, null, 87m, null, null, [], "manager.sc", T0 + Duration.FromMinutes(1));
        RegionTargets jinjiang = new(Jinjiang, 2026, 33m, null, 0, null, [], "manager.cd", T0);
        RegionTargets changchun = new(Changchun, 2026, 30.25m, 88.4m, 2, 75m, [], "manager.jl", T0);
        RegionTargets lastYear = chengdu with { Year = 2025, Pm25 = 38m };
        foreach (RegionTargets t in new[] { chengdu, sichuan, jinjiang, changchun, lastYear })
        {
            Assert.Null(await stores.Targets.PutAsync(t, Ct));
        }

        await stores.ReopenAsync();

        AssertSame([changchun, sichuan, chengdu, jinjiang], await stores.Targets.ListAsync(2026, null, Ct));
        AssertSame([sichuan, chengdu, jinjiang], await stores.Targets.ListAsync(2026, "51", Ct));
        AssertSame([chengdu, jinjiang], await stores.Targets.ListAsync(2026, "5101", Ct));
        AssertSame([lastYear], await stores.Targets.ListAsync(2025, null, Ct));
        Assert.Empty(await stores.Targets.ListAsync(2024, null, Ct));
    }

    [Theory, StoreProviders]
    public async Task PutAgain_ReplacesAndReturnsThePrevious_Delete_ReturnsTheRemovedOnce(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        RegionTargets first = new(Chengdu, 2026, 35m, 85m, 3, null, [new SectionTargetClass(StationId.Parse("SW5101"), 2)], "manager.a", T0);
        RegionTargets second = first with { Pm25 = null, HeavyPollutionDays = 2, SectionClasses = [], SetBy = "manager.b", SetAt = T0 + Duration.FromDays(1) };
        await stores.Targets.PutAsync(first, Ct);

        AssertSame([first], [await stores.Targets.PutAsync(second, Ct)]);
        AssertSame([second], await stores.Targets.ListAsync(2026, null, Ct));
        AssertSame([second], [await stores.Targets.DeleteAsync(Chengdu, 2026, Ct)]);
        Assert.Null(await stores.Targets.DeleteAsync(Chengdu, 2026, Ct));
        Assert.Empty(await stores.Targets.ListAsync(2026, null, Ct));
    }

    /// <summary>Records compare their section lists by reference; compare the contents.</summary>
    private static void AssertSame(RegionTargets[] expected, IEnumerable<RegionTargets?> actual) =>
        Assert.Equal(expected.Select(Flat), actual.Select(a => Flat(Assert.IsType<RegionTargets>(a))));

    private static string Flat(RegionTargets t) =>
        string.Join('|', t.Region, t.Year, N(t.Pm25), N(t.GoodDayRatio), t.HeavyPollutionDays, N(t.GoodWaterShare), TargetSectionsText.Format(t.SectionClasses), t.SetBy, t.SetAt);

    /// <summary>A decimal without trailing zeros (engines may keep or drop the scale; the value is what counts).</summary>
    private static string? N(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture);
}
