using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>
/// Review decisions wait in the store until the alarm engine has re-evaluated them (docs/adr/0025): a decision stored
/// while no worker runs, or by a node that stops before its pass, still invalidates or raises after a restart.
/// </summary>
[Trait("Area", "Alarms")]
public sealed class AlarmReviewQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADecisionStoredBeforeARestart_InvalidatesTheAlarm_WhenTheRestartedWorkerStarts()
    {
        await using AlarmTestHost before = await AlarmTestHost.StartAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await before.CommitAsync(AlarmSome.So2Value(0, 150m));
        Alarm raised = Assert.Single(await before.AllAlarmsAsync());
        ReviewDecision decision = await before.DecideOnlyAsync(Invalid(0, 1), "zhang");
        Assert.Equal([decision.Id], (await before.Alarms.PendingReviewsAsync(10, Ct)).Select(d => d.Id));

        // The node stops before its pass: its in-memory state is gone. A new host on the same database starts its worker.
        await using AlarmTestHost after = await before.SecondNodeAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await after.StartWorkerAsync();

        Alarm closed = await WaitForAsync(after, raised.Id, a => a.State == AlarmState.Closed);
        Assert.False(closed.IsActive);
        Assert.Equal(["raised", "invalidated"], (await after.Alarms.TimelineAsync(raised.Id, Ct)).Select(s => s.Action));
        await WaitForNoPendingReviewsAsync(after);
    }

    [Fact]
    public async Task AValueConfirmedWhileNoWorkerRuns_RaisesItsAlarm_WhenTheWorkerStarts()
    {
        await using AlarmTestHost before = await AlarmTestHost.StartAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await before.CommitAsync(AlarmSome.So2Value(0, 150m) with { Flag = DataFlag.Parse("D") });
        Assert.Empty(await before.AllAlarmsAsync());
        await before.DecideOnlyAsync(new ReviewRequest(AlarmSome.OutletId, ObservationInterval.Hour, AlarmSome.So2, Hours(0, 1), ReviewVerdict.Valid, "confirmed", "核实有效"));

        await using AlarmTestHost after = await before.SecondNodeAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await after.StartWorkerAsync();

        Alarm raised = await WaitForAlarmAsync(after);
        Assert.Equal((AlarmSome.Hour(0), 150m, AlarmState.Open), (raised.FirstPeriod, raised.Peak!.Value, raised.State));
        await WaitForNoPendingReviewsAsync(after);
    }

    [Fact]
    public async Task ADecisionEvaluatedAgain_AfterACrashBeforeItWasRemovedFromTheQueue_AddsNoSecondStep()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await host.CommitAsync(AlarmSome.So2Value(0, 150m));
        Alarm raised = Assert.Single(await host.AllAlarmsAsync());
        Assert.True((await host.Workflow.ApplyAsync(raised.Id, AlarmAction.Acknowledge, new WorkflowInput(), "li", Ct))!.IsApplied);
        ReviewDecision decision = await host.DecideOnlyAsync(Invalid(0, 1));
        Assert.True(await host.Engine.ProcessReviewsAsync(Ct));

        // A crash between the engine's step and the removal leaves the decision queued.
        await RequeueAsync(host.DatabasePath, decision.Id);
        Assert.Single(await host.Alarms.PendingReviewsAsync(10, Ct));
        Assert.True(await host.Engine.ProcessReviewsAsync(Ct));

        Assert.Equal(["raised", "acknowledged", "invalidated"], (await host.Alarms.TimelineAsync(raised.Id, Ct)).Select(s => s.Action));
        Assert.Empty(await host.Alarms.PendingReviewsAsync(10, Ct));
    }

    [Fact]
    public async Task ADecisionAboutAStationWithoutValueRules_LeavesTheQueue()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(AlarmSome.So2RuleFile, AlarmSome.Outlet());
        await host.DecideOnlyAsync(new ReviewRequest(AlarmSome.OutletId, ObservationInterval.Minute, AlarmSome.So2, Hours(0, 1), ReviewVerdict.Invalid, "fault", null));

        Assert.True(await host.Engine.ProcessReviewsAsync(Ct));

        Assert.Empty(await host.Alarms.PendingReviewsAsync(10, Ct));
        Assert.Empty(await host.AllAlarmsAsync());
    }

    /// <summary>Puts a decision back in the queue as a crash before its removal would leave it.</summary>
    private static async Task RequeueAsync(string database, long decisionId)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(Ct);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "INSERT INTO alarm_review_pending (decision_id, queued_at) VALUES ($id, 0);";
        command.Parameters.AddWithValue("$id", decisionId);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<Alarm> WaitForAsync(AlarmTestHost host, long id, Func<Alarm, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            Alarm alarm = (await host.Alarms.GetAsync(id, timeout.Token))!;
            if (condition(alarm))
            {
                return alarm;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The worker removes a decision from the queue just after its step is stored: waits for that.</summary>
    private static async Task WaitForNoPendingReviewsAsync(AlarmTestHost host)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while ((await host.Alarms.PendingReviewsAsync(10, timeout.Token)).Count > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<Alarm> WaitForAlarmAsync(AlarmTestHost host)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if ((await host.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything }, timeout.Token)) is [Alarm alarm])
            {
                return alarm;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static ReviewRequest Invalid(int fromHour, int toHour) =>
        new(AlarmSome.OutletId, ObservationInterval.Hour, AlarmSome.So2, Hours(fromHour, toHour), ReviewVerdict.Invalid, "calibration", "标定时段");

    private static Interval Hours(int fromHour, int toHour) => new(AlarmSome.Hour(fromHour), AlarmSome.Hour(toHour));
}
