using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace EcoMonitor.Application.Tests.Scheduling;

/// <summary>
/// <see cref="ScheduledRuns"/> on a real SQLite file shared by two service containers standing for two nodes, with a
/// fake clock: once per slot, takeover of a dead node's run, a lost claim cancels the work, stopping gives the slot back.
/// </summary>
[Trait("Area", "Nodes")]
public sealed class ScheduledRunsTests : IAsyncDisposable
{
    private static readonly ScheduledJob Job = new("test.job", TimeSpan.FromMinutes(10));
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-schedule-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 30, TimeSpan.Zero));
    private readonly List<ServiceProvider> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodes_OneSlot_TheWorkRunsOnce_TheNextSlotAgain()
    {
        ScheduledRuns a = await NodeAsync("a");
        ScheduledRuns b = await NodeAsync("b");
        int runs = 0;

        ScheduledRunResult first = await a.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct);
        ScheduledRunResult second = await b.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct);
        ScheduledRunResult again = await a.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct);

        Assert.Equal((ScheduledRunOutcome.Ran, ScheduledRunOutcome.AlreadyRun, ScheduledRunOutcome.AlreadyRun), (first.Outcome, second.Outcome, again.Outcome));
        Assert.Equal(1, runs);
        var nextSlot = Instant.FromUtc(2026, 12, 7, 8, 10);
        Assert.All(new[] { first, second, again }, r => Assert.Equal(nextSlot, r.NextAttempt));

        _time.SetUtcNow(nextSlot.ToDateTimeOffset());
        Assert.Equal(ScheduledRunOutcome.Ran, (await b.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct)).Outcome);
        Assert.Equal(2, runs);
        Assert.Equal(["b", "a"], (await Store("a").RecentRunsAsync(Job.Name, 10, Ct)).Select(r => r.Node));
    }

    [Fact]
    public async Task ARunLeftByADeadNode_IsTakenOverWhenItsLeaseEnds()
    {
        ScheduledRuns b = await NodeAsync("b");
        await NodeAsync("a");
        Instant now = Now;
        // Node a claimed the slot, then died: it never renews nor finishes.
        await Store("a").TryClaimAsync(Job.Name, Job.SlotOf(now), "a", now, now + Duration.FromTimeSpan(Lease), Ct);
        int runs = 0;

        ScheduledRunResult waiting = await b.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct);
        Assert.Equal(ScheduledRunOutcome.RunningElsewhere, waiting.Outcome);
        Assert.Equal(now + Duration.FromTimeSpan(Lease), waiting.NextAttempt);
        Assert.Equal(0, runs);

        _time.SetUtcNow(waiting.NextAttempt.ToDateTimeOffset());
        Assert.Equal(ScheduledRunOutcome.Ran, (await b.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct)).Outcome);
        Assert.Equal(1, runs);
        ScheduledRun run = Assert.Single(await Store("b").RecentRunsAsync(Job.Name, 10, Ct));
        Assert.Equal(("b", 2), (run.Node, run.Attempt));
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task ALongRun_IsRenewed_SoNoOtherNodeTakesItOver()
    {
        ScheduledRuns a = await NodeAsync("a");
        ScheduledRuns b = await NodeAsync("b");
        var release = new TaskCompletionSource();
        Task<ScheduledRunResult> running = a.RunIfDueAsync(Job, token => release.Task.WaitAsync(token), Ct);
        await WaitUntilAsync(async () => (await Store("b").RecentRunsAsync(Job.Name, 1, Ct)).Count == 1);

        // Three leases long, in steps of a third of the lease: node a renews each time.
        for (int step = 0; step < 9; step++)
        {
            Instant leaseBefore = (await Store("b").RecentRunsAsync(Job.Name, 1, Ct))[0].LeaseUntil;
            _time.Advance(Lease / 3);
            await WaitUntilAsync(async () => (await Store("b").RecentRunsAsync(Job.Name, 1, Ct))[0].LeaseUntil > leaseBefore);
            Assert.Equal(ScheduledRunOutcome.RunningElsewhere, (await b.RunIfDueAsync(Job, _ => throw new InvalidOperationException("ran twice"), Ct)).Outcome);
        }

        release.SetResult();
        Assert.Equal(ScheduledRunOutcome.Ran, (await running).Outcome);
        Assert.Equal(1, Assert.Single(await Store("a").RecentRunsAsync(Job.Name, 10, Ct)).Attempt);
    }

    [Fact]
    public async Task ANodeWhoseClaimWasTakenOver_CancelsItsWork_AndRecordsNothing()
    {
        ScheduledRuns a = await NodeAsync("a");
        await NodeAsync("b");
        var cancelled = new TaskCompletionSource();
        Task<ScheduledRunResult> running = a.RunIfDueAsync(Job, async token =>
        {
            await using CancellationTokenRegistration registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
        }, Ct);
        await WaitUntilAsync(async () => (await Store("b").RecentRunsAsync(Job.Name, 1, Ct)).Count == 1);

        // Node b finds the lease over (node a was cut off from the store, say) and takes over before a renews.
        Instant later = Now + Duration.FromTimeSpan(Lease);
        Assert.True((await Store("b").TryClaimAsync(Job.Name, Job.SlotOf(Now), "b", later, later + Duration.FromTimeSpan(Lease), Ct)).Claimed);
        _time.Advance(Lease / 3);

        Assert.Equal(ScheduledRunOutcome.Lost, (await running.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Outcome);
        Assert.True(cancelled.Task.IsCompleted);
        ScheduledRun run = Assert.Single(await Store("a").RecentRunsAsync(Job.Name, 10, Ct));
        Assert.Equal(("b", 2, (Instant?)null), (run.Node, run.Attempt, run.FinishedAt));
    }

    [Fact]
    public async Task AFailedRun_IsRecordedWithItsError_AndNotRunAgainInItsSlot()
    {
        ScheduledRuns a = await NodeAsync("a");
        ScheduledRuns b = await NodeAsync("b");

        ScheduledRunResult failed = await a.RunIfDueAsync(Job, _ => throw new InvalidDataException("partition bounds overlap"), Ct);
        ScheduledRunResult other = await b.RunIfDueAsync(Job, _ => Task.CompletedTask, Ct);

        Assert.Equal((ScheduledRunOutcome.Failed, ScheduledRunOutcome.AlreadyRun), (failed.Outcome, other.Outcome));
        Assert.Equal("InvalidDataException: partition bounds overlap", Assert.Single(await Store("a").RecentRunsAsync(Job.Name, 10, Ct)).Error);
    }

    [Fact]
    public async Task StoppingMidRun_GivesTheSlotBack_SoAnotherNodeRunsItAtOnce()
    {
        ScheduledRuns a = await NodeAsync("a");
        ScheduledRuns b = await NodeAsync("b");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task<ScheduledRunResult> running = a.RunIfDueAsync(Job, token => Task.Delay(Timeout.Infinite, token), stopping.Token);
        await WaitUntilAsync(async () => (await Store("b").RecentRunsAsync(Job.Name, 1, Ct)).Count == 1);

        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        int runs = 0;
        Assert.Equal(ScheduledRunOutcome.Ran, (await b.RunIfDueAsync(Job, _ => { runs++; return Task.CompletedTask; }, Ct)).Outcome);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task TheStoreAway_IsAStoreFailure_AskedAgainAfterTheRetryDelay()
    {
        ScheduledRuns a = await NodeAsync("a");
        ServiceProvider node = _nodes[0];
        _nodes.Clear();
        await node.DisposeAsync();

        // The store is closed: every call fails, as when the database is away.
        ScheduledRunResult result = await a.RunIfDueAsync(Job, _ => Task.CompletedTask, Ct);

        Assert.Equal(ScheduledRunOutcome.StoreFailed, result.Outcome);
        Assert.Equal(Now + Duration.FromSeconds(5), result.NextAttempt);
    }

    [Fact]
    public void Slots_AreTheIntervalCountedFromTheEpoch_TheSameOnEveryNode()
    {
        var quarter = new ScheduledJob("j", TimeSpan.FromMinutes(15));
        Assert.Equal(Instant.FromUtc(2026, 12, 7, 8, 45), quarter.SlotOf(Instant.FromUtc(2026, 12, 7, 8, 59, 59)));
        Assert.Equal(Instant.FromUtc(2026, 12, 7, 9, 0), quarter.SlotOf(Instant.FromUtc(2026, 12, 7, 9, 0)));
        Assert.Equal(Instant.FromUtc(1969, 12, 31, 23, 45), quarter.SlotOf(Instant.FromUtc(1969, 12, 31, 23, 59)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduledJob("j", TimeSpan.Zero));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ServiceProvider node in _nodes)
        {
            await node.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Instant Now => Instant.FromDateTimeOffset(_time.GetUtcNow());

    private IScheduledRunStore Store(string node) => _nodes[node == "a" ? 0 : 1].GetRequiredService<IScheduledRunStore>();

    private async Task<ScheduledRuns> NodeAsync(string name)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_directory, "store.db"),
            ["Schedule:NodeName"] = name,
            ["Schedule:Lease"] = Lease.ToString(),
        }).Build();
        ServiceProvider node = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSqliteStorage()
            .AddScheduling()
            .BuildServiceProvider();
        _nodes.Add(node);
        await node.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);
        return node.GetRequiredService<ScheduledRuns>();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
