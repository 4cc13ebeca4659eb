using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>
/// Alarm work is durable (docs/adr/0027): values stored while no worker ran raise their alarm when the worker starts,
/// and evaluating values again (a replayed or retried station-day) adds no second alarm for what people already closed.
/// </summary>
[Trait("Area", "Security")]
public sealed class AlarmReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ValuesStoredWhileNoWorkerRan_RaiseTheirAlarm_WhenTheWorkerStarts_AndTheDayIsCompleted()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await host.StoreOnlyAsync(AlarmSome.So2Value(0, 50m), AlarmSome.So2Value(1, 150m), AlarmSome.So2Value(2, 60m));

        await host.StartWorkerAsync();

        Alarm raised = await WaitForAsync(async () => (await host.AllAlarmsAsync()) is [Alarm a] ? a : null);
        Assert.Equal((AlarmSome.Hour(1), 150m), (raised.FirstPeriod, raised.Peak!.Value));
        // The worker recorded that it completed the day: nothing is left pending for the alarms.
        await WaitForAsync(async () => (await host.Work.PendingAsync(WorkKind.Alarms, 0, null, 10, Ct)).Count == 0 ? "completed" : null);
    }

    [Fact]
    public async Task AValueEvaluatedAgainAfterPeopleClosedItsAlarm_RaisesNoSecondAlarm_ButALaterExceedanceDoes()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await host.CommitAsync(AlarmSome.So2Value(0, 150m));
        Alarm raised = Assert.Single(await host.AllAlarmsAsync());
        Assert.True((await host.Workflow.ApplyAsync(raised.Id, AlarmAction.Dismiss, new WorkflowInput { Comment = "误报" }, "zhang", Ct))!.IsApplied);

        // The station-day replayed (after a restart, or a retry of set-aside work): the same item again.
        await host.Engine.ProcessAsync([new AlarmWorkItem(AlarmSome.OutletId, "so2", AlarmSome.So2, ObservationInterval.Hour, AlarmSome.Hour(0))], Ct);

        Assert.Equal([raised.Id], (await host.AllAlarmsAsync()).Select(a => a.Id));
        Assert.Equal(["raised", "dismissed"], (await host.Alarms.TimelineAsync(raised.Id, Ct)).Select(s => s.Action));

        await host.CommitAsync(AlarmSome.So2Value(5, 160m));
        Assert.Equal(2, (await host.AllAlarmsAsync()).Count);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
