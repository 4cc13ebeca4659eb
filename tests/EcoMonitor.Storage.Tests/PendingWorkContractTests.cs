using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Pending background work written with the observations (<see cref="IPendingWorkStore"/>, docs/adr/0027), checked
/// against every engine: each commit records its changed station-days in its own transaction, with versions that a
/// consumer's completion never runs ahead of; failing work is set aside and retried.
/// </summary>
[Trait("Area", "Security")]
public sealed class PendingWorkContractTests
{
    private static readonly WorkKind[] Kinds = [WorkKind.Evaluation, WorkKind.Quality, WorkKind.Alarms];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Append_RecordsEachChangedStationDayOnce_WithVersionsThatCountTheCommits(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId a = Some.StationId();
        StationId b = Some.StationId();
        List<DayChange> first = [];

        // Two stations, two CST days (23:00 and 00:00), two intervals, several parameters per period: four station-days.
        await stores.Observations.AppendAsync(
        [
            Some.Observation(a, "a34004", periodStart: Some.Hour(23)), Some.Observation(a, "a34002", periodStart: Some.Hour(23)),
            Some.Observation(a, "a34004", periodStart: Some.Hour(24)), Some.Observation(b, "a34004"),
            Some.Observation(b, "a21026", ObservationInterval.Minute, Some.Hour(1)),
        ], first, null, Ct);
        List<DayChange> resent = [];
        List<AppendOutcome> resentOutcomes = [];
        await stores.Observations.AppendAsync([Some.Observation(a, "a34004", periodStart: Some.Hour(23))], resent, resentOutcomes, Ct);
        List<DayChange> revised = [];
        List<AppendOutcome> revisedOutcomes = [];
        await stores.Observations.AppendAsync(
            [Some.Observation(a, "a34004", periodStart: Some.Hour(22), value: 80m), Some.Observation(a, "a34004", periodStart: Some.Hour(23), value: 99m)],
            revised, revisedOutcomes, Ct);
        Assert.Equal([AppendOutcome.Unchanged], resentOutcomes);
        Assert.Equal([AppendOutcome.Inserted, AppendOutcome.Revised], revisedOutcomes);
        await stores.ReopenAsync();

        WorkDay aMarch1 = new(a, ObservationInterval.Hour, new LocalDate(2026, 3, 1));
        Assert.Equal(
            [aMarch1, new WorkDay(a, ObservationInterval.Hour, new LocalDate(2026, 3, 2)), new WorkDay(b, ObservationInterval.Minute, new LocalDate(2026, 3, 1)), new WorkDay(b, ObservationInterval.Hour, new LocalDate(2026, 3, 1))],
            first.Select(c => c.Day).Order(DayOrder.Instance));
        Assert.All(first, c => Assert.Equal(1, c.Version));
        Assert.Empty(resent);
        DayChange again = Assert.Single(revised);
        Assert.Equal((aMarch1, first.Single(c => c.Day == aMarch1).Id, 2L), (again.Day, again.Id, again.Version));
        foreach (WorkKind kind in Kinds)
        {
            IReadOnlyList<PendingDay> pending = await stores.Work.PendingAsync(kind, 0, null, 100, Ct);
            Assert.Equal(first.Select(c => c.Id).Order(), pending.Select(p => p.Id));
            Assert.Equal(2, pending.Single(p => p.Day == aMarch1).Version);
        }
    }

    [Theory, StoreProviders]
    public async Task IngestCommit_RecordsItsStationDays_AndARolledBackCommitRecordsNothing(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        var batch = new IngestBatch();
        batch.Frames.Add(Some.Frame(station));
        batch.Observations.Add(Some.Observation(station));
        await stores.Ingest.CommitAsync(batch, Ct);
        DayChange committed = Assert.Single(batch.Changes);
        var broken = new IngestBatch();
        broken.Observations.Add(Some.Observation(Some.StationId()));
        broken.Frames.Add(Some.Frame(station) with { Peer = null! });

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Ingest.CommitAsync(broken, Ct));

        Assert.Empty(broken.Changes);
        PendingDay pending = Assert.Single(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 100, Ct));
        Assert.Equal((committed.Id, new WorkDay(station, ObservationInterval.Hour, new LocalDate(2026, 3, 1)), 1L), (pending.Id, pending.Day, pending.Version));
    }

    [Theory, StoreProviders]
    public async Task Complete_NeverClearsANewerChange_AndNeedsTheVersionsBefore(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        DayChange v1 = await AppendAsync(stores, Some.Observation(station, value: 1m));
        DayChange v2 = await AppendAsync(stores, Some.Observation(station, value: 2m));
        DayChange v3 = await AppendAsync(stores, Some.Observation(station, value: 3m));

        // A worker that took version 1 marks 1; versions 2 and 3 stay pending.
        await stores.Work.CompleteAsync(WorkKind.Quality, [new WorkMark(v1.Id, 1, 1)], Ct);
        Assert.Equal(3, Assert.Single(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct)).Version);

        // Version 3 alone (another node's commit 2 not done): no advance. Then 2, then 3: done.
        await stores.Work.CompleteAsync(WorkKind.Quality, [new WorkMark(v3.Id, 3, 3)], Ct);
        Assert.Single(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct));
        await stores.Work.CompleteAsync(WorkKind.Quality, [new WorkMark(v2.Id, 2, 2), new WorkMark(v3.Id, 3, 3)], Ct);
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct));

        // A whole-day mark covers everything up to it; another kind is not affected.
        await stores.Work.CompleteAsync(WorkKind.Evaluation, [new WorkMark(v1.Id, 1, 2)], Ct);
        Assert.Equal(3, Assert.Single(await stores.Work.PendingAsync(WorkKind.Evaluation, 0, null, 10, Ct)).Version);
        Assert.Single(await stores.Work.PendingAsync(WorkKind.Alarms, 0, null, 10, Ct));
    }

    [Theory, StoreProviders]
    public async Task Complete_ByEveryKind_RemovesTheRow_AndALaterChangeIsANewRowALateMarkMisses(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        DayChange first = await AppendAsync(stores, Some.Observation(station, value: 1m));
        foreach (WorkKind kind in Kinds)
        {
            await stores.Work.CompleteAsync(kind, [new WorkMark(first.Id, 1, 1)], Ct);
        }

        DayChange later = await AppendAsync(stores, Some.Observation(station, value: 2m));
        await stores.Work.CompleteAsync(WorkKind.Alarms, [new WorkMark(first.Id, 1, 5)], Ct);

        Assert.NotEqual(first.Id, later.Id);
        Assert.Equal(1, later.Version);
        foreach (WorkKind kind in Kinds)
        {
            Assert.Equal([later.Id], (await stores.Work.PendingAsync(kind, 0, null, 10, Ct)).Select(p => p.Id));
        }
    }

    [Theory, StoreProviders]
    public async Task Pending_PagesByIdAndLeavesOutWhatChangedAfterTheGivenTime(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DayChange[] changes = [await AppendAsync(stores, Some.Observation()), await AppendAsync(stores, Some.Observation()), await AppendAsync(stores, Some.Observation())];
        IReadOnlyList<PendingDay> all = await stores.Work.PendingAsync(WorkKind.Evaluation, 0, null, 10, Ct);

        Assert.Equal(changes.Select(c => c.Id), all.Select(p => p.Id));
        Assert.Equal(changes.Skip(1).Take(1).Select(c => c.Id), (await stores.Work.PendingAsync(WorkKind.Evaluation, changes[0].Id, null, 1, Ct)).Select(p => p.Id));
        Instant earliest = all.Min(p => p.ChangedAt);
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Evaluation, 0, earliest - Duration.FromSeconds(1), 10, Ct));
        Assert.Equal(3, (await stores.Work.PendingAsync(WorkKind.Evaluation, 0, all.Max(p => p.ChangedAt), 10, Ct)).Count);
    }

    [Theory, StoreProviders]
    public async Task Fail_SetsTheDayAsideAtTheLastAttempt_VisibleWithItsError_AndRetryPutsItBack(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        DayChange change = await AppendAsync(stores, Some.Observation(station, periodStart: Instant.FromUtc(9999, 12, 31, 15, 0)));
        Assert.Equal(new LocalDate(9999, 12, 31), change.Day.Day);
        Instant at = Some.Hour(100);

        WorkFailure one = await stores.Work.FailAsync(WorkKind.Quality, change.Day, "System.OverflowException: first", 3, at, Ct);
        WorkFailure two = await stores.Work.FailAsync(WorkKind.Quality, change.Day, "System.OverflowException: second", 3, at, Ct);
        Assert.Single(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct));
        WorkFailure three = await stores.Work.FailAsync(WorkKind.Quality, change.Day, "System.OverflowException: third", 3, at + Duration.FromSeconds(10), Ct);
        WorkFailure four = await stores.Work.FailAsync(WorkKind.Quality, change.Day, "System.OverflowException: fourth", 3, at + Duration.FromSeconds(20), Ct);

        Assert.Equal((1, false, false), (one.Attempts, one.IsSetAside, one.IsNewlySetAside));
        Assert.Equal((2, false, false), (two.Attempts, two.IsSetAside, two.IsNewlySetAside));
        Assert.Equal((3, true, true), (three.Attempts, three.IsSetAside, three.IsNewlySetAside));
        Assert.Equal((4, true, false), (four.Attempts, four.IsSetAside, four.IsNewlySetAside));
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct));
        Assert.Single(await stores.Work.PendingAsync(WorkKind.Evaluation, 0, null, 10, Ct));
        await stores.Work.CompleteAsync(WorkKind.Quality, [new WorkMark(change.Id, 1, 1)], Ct);
        await stores.ReopenAsync();

        SetAsideWork item = Assert.Single(await stores.Work.SetAsideAsync(10, Ct));
        Assert.Equal(
            (one.Id, WorkKind.Quality, change.Day, 4, "System.OverflowException: fourth", at + Duration.FromSeconds(20), at + Duration.FromSeconds(10)),
            (item.Id, item.Kind, item.Day, item.Attempts, item.Error, item.FailedAt, item.Since));
        Assert.Equal(new Dictionary<WorkKind, long> { [WorkKind.Quality] = 1 }, await stores.Work.CountSetAsideAsync(Ct));

        RetriedWork retried = (await stores.Work.RetryAsync(item.Id, Ct))!;
        Assert.Equal(item, retried.Item);
        Assert.Equal((change.Id, 1L), (retried.Pending!.Id, retried.Pending.Version));
        Assert.Null(await stores.Work.RetryAsync(item.Id, Ct));
        Assert.Empty(await stores.Work.SetAsideAsync(10, Ct));
        Assert.Empty(await stores.Work.CountSetAsideAsync(Ct));
        Assert.Single(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct));
        Assert.Equal(1, (await stores.Work.FailAsync(WorkKind.Quality, change.Day, "again", 3, at, Ct)).Attempts);
    }

    [Theory, StoreProviders]
    public async Task Complete_ForgetsTheAttemptsAtACompletedDay(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DayChange change = await AppendAsync(stores, Some.Observation());
        await stores.Work.FailAsync(WorkKind.Alarms, change.Day, "System.TimeoutException: once", 3, Some.Hour0, Ct);
        await stores.Work.FailAsync(WorkKind.Alarms, change.Day, "System.TimeoutException: twice", 3, Some.Hour0, Ct);

        await stores.Work.CompleteAsync(WorkKind.Alarms, [new WorkMark(change.Id, 1, 1)], Ct);

        Assert.Equal(1, (await stores.Work.FailAsync(WorkKind.Alarms, change.Day, "again", 3, Some.Hour0, Ct)).Attempts);
    }

    private static async Task<DayChange> AppendAsync(TestStores stores, Observation observation)
    {
        List<DayChange> changes = [];
        await stores.Observations.AppendAsync([observation], changes, null, Ct);
        return Assert.Single(changes);
    }

    private sealed class DayOrder : IComparer<WorkDay>
    {
        public static readonly DayOrder Instance = new();

        public int Compare(WorkDay x, WorkDay y) =>
            (string.CompareOrdinal(x.Station.Value, y.Station.Value), x.Day.CompareTo(y.Day), x.Interval.CompareTo(y.Interval)) switch
            {
                (not 0 and var s, _, _) => s,
                (_, not 0 and var d, _) => d,
                (_, _, var i) => i,
            };
    }
}
