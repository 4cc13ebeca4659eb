using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>Range queries over months (partitions) and parameters: ordered by period start, then parameter, whatever the limit.</summary>
public sealed partial class StoreContractTests
{
    [Theory, StoreProviders]
    [Trait("Area", "Postgres")]
    public async Task QueryAsync_AcrossMonths_OrderedByPeriodThenParameter_AnyLimit(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        string[] parameters = ["a34004", "a21026", "a05024"];
        Observation[] stored = [.. Enumerable.Range(0, 40).SelectMany(d => parameters.Select(p =>
            Some.Observation(station, p, periodStart: Some.Hour(0) + Duration.FromDays(d), value: d)))];
        await stores.Observations.AppendAsync([.. stored.Reverse()], Ct);
        Observation[] expected = [.. stored.OrderBy(o => o.PeriodStart).ThenBy(o => o.Parameter.Value, StringComparer.Ordinal)];
        ObservationQuery range = new() { Station = station, Interval = ObservationInterval.Hour, From = Some.Hour(0), To = Some.Hour(0) + Duration.FromDays(40) };

        IReadOnlyList<Observation> all = await stores.Observations.QueryAsync(range with { Limit = int.MaxValue }, Ct);
        IReadOnlyList<Observation> first = await stores.Observations.QueryAsync(range with { Limit = 7 }, Ct);
        IReadOnlyList<Observation> two = await stores.Observations.QueryAsync(range with { Parameters = [ParameterCode.Parse("a34004"), ParameterCode.Parse("a05024")] }, Ct);

        Assert.Equal(expected, all);
        Assert.Equal(expected.Take(7), first);
        Assert.Equal(expected.Where(o => o.Parameter.Value != "a21026"), two);
    }
}
