using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The <see cref="IReviewStore"/> part of the store contract, checked against every engine.</summary>
[Trait("Area", "Quality")]
public sealed class ReviewStoreContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Decide_StoresDecisionsWithTheirAuditEntries_QueryReturnsOverlapsOldestFirst(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        ReviewDecision span = Decision(station, 0, 10, ReviewVerdict.Invalid, null);
        ReviewDecision one = Decision(station, 3, 4, ReviewVerdict.Valid, Some.Parameter());

        IReadOnlyList<ReviewDecision> stored = await stores.Reviews.DecideAsync([span, one], [Audit("a"), Audit("b")], Ct);

        Assert.True(stored[1].Id > stored[0].Id);
        IReadOnlyList<AuditEntry> trail = await stores.Audit.ReadAsync(0, 10, Ct);
        Assert.Equal(trail.Select(e => e.Sequence), stored.Select(d => d.AuditSequence));
        await stores.ReopenAsync();
        IReadOnlyList<ReviewDecision> overlapping = await stores.Reviews.QueryDecisionsAsync(station, ObservationInterval.Hour, new Interval(Some.Hour(3), Some.Hour(5)), Ct);
        Assert.Equal(stored, overlapping);
        Assert.Empty(await stores.Reviews.QueryDecisionsAsync(station, ObservationInterval.Hour, new Interval(Some.Hour(10), Some.Hour(12)), Ct));
        Assert.True(overlapping[1].Covers(Some.Parameter(), ObservationInterval.Hour, Some.Hour(3)));
        Assert.False(overlapping[1].Covers(Some.Parameter("a34002"), ObservationInterval.Hour, Some.Hour(3)));
        Assert.True((await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct)).IsIntact);
    }

    [Theory, StoreProviders]
    public async Task Decide_WithoutOneAuditRecordPerDecision_IsRefused(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        await Assert.ThrowsAsync<ArgumentException>(() => stores.Reviews.DecideAsync([Decision(Some.StationId(), 0, 1, ReviewVerdict.Valid, null)], [], Ct));
    }

    private static ReviewDecision Decision(StationId station, int from, int to, ReviewVerdict verdict, ParameterCode? parameter) => new()
    {
        Station = station, Interval = ObservationInterval.Hour, Parameter = parameter, Periods = new Interval(Some.Hour(from), Some.Hour(to)),
        Verdict = verdict, ReasonCode = "maintenance", Comment = "更换采样管", Reviewer = "reviewer-1",
    };

    private static AuditRecord Audit(string id) => new("reviewer-1", "review.marked", "observations", id);
}
