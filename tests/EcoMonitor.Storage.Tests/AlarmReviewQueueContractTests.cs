using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// The review decisions waiting for the alarm re-evaluation (<see cref="IAlarmStore.PendingReviewsAsync"/>,
/// <see cref="IAlarmStore.CompleteReviewAsync"/>; docs/adr/0025), checked against every engine.
/// </summary>
[Trait("Area", "Alarms")]
public sealed class AlarmReviewQueueContractTests
{
    private static readonly StationId Station = StationId.Parse("REVQ01");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Decide_QueuesEveryDecision_DurablyAndOldestFirst(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IReadOnlyList<ReviewDecision> first = await stores.Reviews.DecideAsync([Decision(0, 2), Decision(5, 6)], [Audit("a"), Audit("b")], Ct);
        IReadOnlyList<ReviewDecision> second = await stores.Reviews.DecideAsync([Decision(7, 8)], [Audit("c")], Ct);

        await stores.ReopenAsync();

        Assert.Equal([.. first, .. second], await stores.Alarms.PendingReviewsAsync(10, Ct));
        Assert.Equal(first, await stores.Alarms.PendingReviewsAsync(2, Ct));
    }

    [Theory, StoreProviders]
    public async Task CompleteReview_RemovesOnlyThatDecision_AndTwiceIsHarmless(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IReadOnlyList<ReviewDecision> stored = await stores.Reviews.DecideAsync([Decision(0, 2), Decision(5, 6), Decision(7, 8)], [Audit("a"), Audit("b"), Audit("c")], Ct);

        await stores.Alarms.CompleteReviewAsync(stored[0].Id, Ct);
        await stores.Alarms.CompleteReviewAsync(stored[0].Id, Ct);
        await stores.Alarms.CompleteReviewAsync(stored[2].Id, Ct);

        Assert.Equal([stored[1]], await stores.Alarms.PendingReviewsAsync(10, Ct));
        await stores.Alarms.CompleteReviewAsync(stored[1].Id, Ct);
        Assert.Empty(await stores.Alarms.PendingReviewsAsync(10, Ct));
        Assert.Equal(stored, await stores.Reviews.QueryDecisionsAsync(Station, ObservationInterval.Hour, new Interval(Some.Hour(0), Some.Hour(10)), Ct));
    }

    [Theory, StoreProviders]
    public async Task Decide_Refused_QueuesNothing(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        await Assert.ThrowsAsync<ArgumentException>(() => stores.Reviews.DecideAsync([Decision(0, 1)], [], Ct));

        Assert.Empty(await stores.Alarms.PendingReviewsAsync(10, Ct));
    }

    private static ReviewDecision Decision(int from, int to) => new()
    {
        Station = Station, Interval = ObservationInterval.Hour, Parameter = Some.Parameter(), Periods = new Interval(Some.Hour(from), Some.Hour(to)),
        Verdict = ReviewVerdict.Invalid, ReasonCode = "calibration", Comment = "标定", Reviewer = "reviewer-1",
    };

    private static AuditRecord Audit(string id) => new("reviewer-1", "review.marked", "observations", id);
}
