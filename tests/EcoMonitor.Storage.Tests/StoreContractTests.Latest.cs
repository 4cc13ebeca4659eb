using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Storage.Tests;

/// <summary>Latest values follow revisions and late data, whichever write path a batch takes.</summary>
public sealed partial class StoreContractTests
{
    [Theory, StoreProviders]
    [Trait("Area", "Postgres")]
    public async Task LatestAsync_FollowsRevisionOfNewestPeriod_IgnoresBackfill_MovesToNewerPeriod(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation hour2 = Some.Observation(station, periodStart: Some.Hour(2), value: 10m);
        await stores.Observations.AppendAsync([hour2, Some.Observation(station, "a21026", periodStart: Some.Hour(2))], Ct);

        // One batch with an existing key (revised) and a new older one: not all keys are new.
        AppendResult mixed = await stores.Observations.AppendAsync([hour2 with { Value = 11m }, Some.Observation(station, periodStart: Some.Hour(1), value: 5m)], Ct);
        Observation revisedLatest = Assert.Single(await stores.Observations.LatestAsync(station, Ct), o => o.Parameter == hour2.Parameter);

        Observation hour3 = Some.Observation(station, periodStart: Some.Hour(3), value: 12m);
        AppendResult live = await stores.Observations.AppendAsync([hour3], Ct);
        IReadOnlyList<Observation> latest = await stores.Observations.LatestAsync(station, Ct);

        Assert.Equal(new AppendResult(1, 0, 1), mixed);
        Assert.Equal(hour2 with { Value = 11m }, revisedLatest);
        Assert.Equal(new AppendResult(1, 0, 0), live);
        Assert.Equal([Some.Observation(station, "a21026", periodStart: Some.Hour(2)), hour3], latest.OrderBy(o => o.Parameter.Value, StringComparer.Ordinal));
    }
}
