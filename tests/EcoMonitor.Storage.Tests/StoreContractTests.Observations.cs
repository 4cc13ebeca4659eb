using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Storage.Tests;

public sealed partial class StoreContractTests
{
    [Theory, StoreProviders]
    public async Task AppendAsync_NewKeys_AreInsertedAndReadable(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation pm25 = Some.Observation(station, "a34004");
        Observation pm10 = Some.Observation(station, "a34002");

        AppendResult result = await stores.Observations.AppendAsync([pm25, pm10], Ct);

        Assert.Equal(new AppendResult(2, 0, 0), result);
        Assert.Equal([pm10, pm25], await stores.Observations.QueryAsync(HourQuery(station), Ct));
    }

    [Theory, StoreProviders]
    public async Task AppendAsync_SamePayloadAgain_IsUnchanged(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Observation first = Some.Observation(value: 35.5m);
        await stores.Observations.AppendAsync([first], Ct);

        Observation resent = first with { Value = 35.50m, ReceivedAt = first.ReceivedAt + NodaTime.Duration.FromMinutes(5) };
        AppendResult result = await stores.Observations.AppendAsync([resent], Ct);

        Assert.Equal(new AppendResult(0, 1, 0), result);
        IReadOnlyList<ObservationRevision> history = await stores.Observations.HistoryAsync(ObservationKey.Of(first), Ct);
        Assert.Equal(first, Assert.Single(history).Observation);
    }

    [Theory, StoreProviders]
    public async Task AppendAsync_ChangedValue_RevisesAndKeepsEarlierRevision(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Observation original = Some.Observation(value: 35.5m);
        Observation corrected = original with { Value = 36m, ReceivedAt = original.ReceivedAt + NodaTime.Duration.FromHours(2) };
        Observation flagged = corrected with { Flag = DataFlag.Parse("D") };
        await stores.Observations.AppendAsync([original], Ct);

        AppendResult second = await stores.Observations.AppendAsync([corrected], Ct);
        AppendResult third = await stores.Observations.AppendAsync([flagged], Ct);

        Assert.Equal(new AppendResult(0, 0, 1), second);
        Assert.Equal(new AppendResult(0, 0, 1), third);
        IReadOnlyList<ObservationRevision> history = await stores.Observations.HistoryAsync(ObservationKey.Of(original), Ct);
        Assert.Equal(
            [new ObservationRevision(1, original), new ObservationRevision(2, corrected), new ObservationRevision(3, flagged)],
            history);
        Assert.Equal([flagged], await stores.Observations.QueryAsync(HourQuery(original.Station), Ct));
    }

    [Theory, StoreProviders]
    public async Task HistoryAsync_UnknownKey_IsEmpty(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        Assert.Empty(await stores.Observations.HistoryAsync(ObservationKey.Of(Some.Observation()), Ct));
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_Range_IncludesFromAndExcludesTo(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation[] hours = [.. Enumerable.Range(0, 5).Select(h => Some.Observation(station, periodStart: Some.Hour(h)))];
        await stores.Observations.AppendAsync(hours, Ct);

        IReadOnlyList<Observation> found = await stores.Observations.QueryAsync(
            HourQuery(station) with { From = Some.Hour(1), To = Some.Hour(3) }, Ct);

        Assert.Equal([hours[1], hours[2]], found);
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_ParametersIntervalAndStation_Filter(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation pm25 = Some.Observation(station, "a34004");
        Observation so2 = Some.Observation(station, "a21026");
        Observation no2 = Some.Observation(station, "a21004");
        Observation realTime = Some.Observation(station, "a34004", ObservationInterval.RealTime);
        Observation otherStation = Some.Observation(parameter: "a34004");
        await stores.Observations.AppendAsync([pm25, so2, no2, realTime, otherStation], Ct);

        IReadOnlyList<Observation> found = await stores.Observations.QueryAsync(
            HourQuery(station) with { Parameters = [Some.Parameter("a34004"), Some.Parameter("a21026")] }, Ct);

        Assert.Equal([so2, pm25], found);
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_OrdersByPeriodStartThenParameter_AndStopsAtLimit(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation pm25Hour1 = Some.Observation(station, "a34004", periodStart: Some.Hour(1));
        Observation so2Hour1 = Some.Observation(station, "a21026", periodStart: Some.Hour(1));
        Observation pm25Hour0 = Some.Observation(station, "a34004", periodStart: Some.Hour(0));
        await stores.Observations.AppendAsync([pm25Hour1, so2Hour1, pm25Hour0], Ct);

        IReadOnlyList<Observation> all = await stores.Observations.QueryAsync(HourQuery(station), Ct);
        IReadOnlyList<Observation> limited = await stores.Observations.QueryAsync(HourQuery(station) with { Limit = 2 }, Ct);

        Assert.Equal([pm25Hour0, so2Hour1, pm25Hour1], all);
        Assert.Equal([pm25Hour0, so2Hour1], limited);
    }

    [Theory, StoreProviders]
    public async Task LatestAsync_ReturnsNewestPerParameterAndInterval(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation pm25Old = Some.Observation(station, "a34004", periodStart: Some.Hour(0));
        Observation pm25New = Some.Observation(station, "a34004", periodStart: Some.Hour(2));
        Observation pm25Day = Some.Observation(station, "a34004", ObservationInterval.Day, Some.Hour(0));
        Observation so2 = Some.Observation(station, "a21026", periodStart: Some.Hour(1));
        await stores.Observations.AppendAsync([pm25New, pm25Old, pm25Day, so2, Some.Observation()], Ct);

        IReadOnlyList<Observation> latest = await stores.Observations.LatestAsync(station, Ct);

        Assert.Equal(3, latest.Count);
        Assert.Contains(pm25New, latest);
        Assert.Contains(pm25Day, latest);
        Assert.Contains(so2, latest);
    }

    [Theory, StoreProviders]
    public async Task AppendAsync_Decimals_RoundTripExactly(string provider)
    {
        decimal[] values = [0.09055002m, 235.292750833832m, -12.5m, 0m, 1e-10m, 79228162514264337593543950335m, -0.000001m, 100m];
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation[] observations = [.. values.Select((v, i) => Some.Observation(station, periodStart: Some.Hour(i), value: v) with
        {
            Min = -v, Max = v / 3, Total = v / 7, ConvertedValue = null,
        })];
        await stores.Observations.AppendAsync(observations, Ct);

        IReadOnlyList<Observation> found = await stores.Observations.QueryAsync(HourQuery(station) with { To = Some.Hour(100) }, Ct);

        Assert.Equal(values, found.Select(o => o.Value!.Value));
        Assert.Equal(observations, found);
    }

    [Theory, StoreProviders]
    public async Task AppendAsync_ConcurrentTasks_LoseNothing(string provider)
    {
        const int Tasks = 8;
        const int AppendsPerTask = 25;
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (int a = 0; a < AppendsPerTask; a++)
            {
                Observation[] batch = [.. Enumerable.Range(0, 4).Select(p => Some.Observation(
                    station, "p" + p, periodStart: Some.Hour((t * AppendsPerTask) + a)))];
                await stores.Observations.AppendAsync(batch, Ct);
            }
        }, Ct)));

        IReadOnlyList<Observation> found = await stores.Observations.QueryAsync(HourQuery(station) with { To = Some.Hour(10_000) }, Ct);
        Assert.Equal(Tasks * AppendsPerTask * 4, found.Count);
    }

    private static ObservationQuery HourQuery(StationId station) => new()
    {
        Station = station,
        Interval = ObservationInterval.Hour,
        From = Some.Hour(0),
        To = Some.Hour(24),
    };
}
