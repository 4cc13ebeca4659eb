using EcoMonitor.Application.Scheduling;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// The run table of scheduled work (<see cref="IScheduledRunStore"/>): two store instances on one database stand for
/// two nodes. Checked against every engine.
/// </summary>
[Trait("Area", "Nodes")]
public sealed class ScheduledRunStoreContractTests
{
    private static readonly Instant Slot = Instant.FromUtc(2026, 12, 7, 8, 0);
    private static readonly Instant T0 = Slot + Duration.FromSeconds(3);
    private static readonly Duration Lease = Duration.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task OneSlot_IsClaimedByOneNode_TheOtherSeesItHeld_ThenFinished(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IScheduledRunStore a = stores.ScheduledRuns;
        IScheduledRunStore b = stores.OpenSecond<IScheduledRunStore>();

        ScheduledRunClaimResult first = await a.TryClaimAsync("storage.partitions", Slot, "a", T0, T0 + Lease, Ct);
        Assert.Equal(new ScheduledRunClaim("storage.partitions", Slot, "a", 1), first.Claim);

        ScheduledRunClaimResult second = await b.TryClaimAsync("storage.partitions", Slot, "b", T0 + Duration.FromSeconds(1), T0 + Lease, Ct);
        Assert.False(second.Claimed);
        Assert.Equal("a", second.Run.Node);
        Assert.Null(second.Run.FinishedAt);
        Assert.Equal(T0 + Lease, second.Run.LeaseUntil);

        // Another job, and the same job's next slot, are separate runs.
        Assert.True((await b.TryClaimAsync("alarms.check", Slot, "b", T0, T0 + Lease, Ct)).Claimed);
        Assert.True((await b.TryClaimAsync("storage.partitions", Slot + Duration.FromHours(1), "b", T0, T0 + Lease, Ct)).Claimed);

        Assert.True(await a.FinishAsync(first.Claim!, T0 + Duration.FromSeconds(2), null, Ct));
        Assert.False(await a.FinishAsync(first.Claim!, T0 + Duration.FromSeconds(3), null, Ct));

        // Finished: nobody runs the slot again, however late they ask.
        ScheduledRunClaimResult late = await b.TryClaimAsync("storage.partitions", Slot, "b", T0 + Duration.FromHours(2), T0 + Duration.FromHours(3), Ct);
        Assert.False(late.Claimed);
        Assert.Equal(T0 + Duration.FromSeconds(2), late.Run.FinishedAt);
        Assert.Null(late.Run.Error);
        Assert.Equal(1, late.Run.Attempt);
    }

    [Theory, StoreProviders]
    public async Task ALeaseThatRanOut_IsTakenOver_AndTheOldHolderCanNeitherRenewNorFinish(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IScheduledRunStore a = stores.ScheduledRuns;
        IScheduledRunStore b = stores.OpenSecond<IScheduledRunStore>();
        ScheduledRunClaim held = (await a.TryClaimAsync("work.sweep.evaluation", Slot, "a", T0, T0 + Lease, Ct)).Claim!;

        // Renewed in time: still held at the first lease's end.
        Assert.True(await a.RenewAsync(held, T0 + Lease + Lease, Ct));
        Assert.False((await b.TryClaimAsync("work.sweep.evaluation", Slot, "b", T0 + Lease, T0 + Lease + Lease, Ct)).Claimed);

        // Node a stops renewing (it died): at the renewed lease's end node b takes over, as attempt 2.
        Instant takeover = T0 + Lease + Lease;
        ScheduledRunClaimResult taken = await b.TryClaimAsync("work.sweep.evaluation", Slot, "b", takeover, takeover + Lease, Ct);
        Assert.Equal(new ScheduledRunClaim("work.sweep.evaluation", Slot, "b", 2), taken.Claim);

        Assert.False(await a.RenewAsync(held, takeover + Lease, Ct));
        Assert.False(await a.FinishAsync(held, takeover, null, Ct));
        Assert.True(await b.FinishAsync(taken.Claim!, takeover + Duration.FromSeconds(5), "IOException: disk full", Ct));

        ScheduledRun run = Assert.Single(await a.RecentRunsAsync("work.sweep.evaluation", 10, Ct));
        Assert.Equal(("b", 2, "IOException: disk full"), (run.Node, run.Attempt, run.Error));
        Assert.Equal(takeover + Duration.FromSeconds(5), run.FinishedAt);
    }

    [Theory, StoreProviders]
    public async Task ManyNodesAskingAtOnce_ExactlyOneClaims(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IScheduledRunStore[] nodes = [stores.ScheduledRuns, stores.OpenSecond<IScheduledRunStore>(), stores.OpenSecond<IScheduledRunStore>()];

        for (int slot = 0; slot < 20; slot++)
        {
            Instant start = Slot + Duration.FromMinutes(slot);
            ScheduledRunClaimResult[] results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                nodes[i % nodes.Length].TryClaimAsync("alarms.check", start, "node" + i, start, start + Lease, Ct)));
            ScheduledRunClaimResult winner = Assert.Single(results, r => r.Claimed);
            Assert.All(results, r => Assert.Equal(winner.Claim!.Node, r.Run.Node));
        }
    }

    [Theory, StoreProviders]
    public async Task RecentRuns_NewestFirst_AndOldRunsAreDeleted(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IScheduledRunStore runs = stores.ScheduledRuns;
        for (int hour = 0; hour < 3; hour++)
        {
            Instant slot = Slot + Duration.FromHours(hour);
            ScheduledRunClaim claim = (await runs.TryClaimAsync("storage.partitions", slot, "a", slot, slot + Lease, Ct)).Claim!;
            await runs.FinishAsync(claim, slot + Duration.FromSeconds(1), null, Ct);
        }

        await runs.TryClaimAsync("console.sessions", Slot, "a", T0, T0 + Lease, Ct);

        Assert.Equal(
            [Slot + Duration.FromHours(2), Slot + Duration.FromHours(1), Slot],
            (await runs.RecentRunsAsync("storage.partitions", 10, Ct)).Select(r => r.Slot));
        Assert.Equal(4, (await runs.RecentRunsAsync(null, 10, Ct)).Count);
        Assert.Equal(2, (await runs.RecentRunsAsync(null, 2, Ct)).Count);

        Assert.Equal(2, await runs.DeleteRunsBeforeAsync(Slot + Duration.FromHours(1), Ct));
        Assert.Equal(2, (await runs.RecentRunsAsync(null, 10, Ct)).Count);
    }
}
