using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>Review decisions (数据审核) re-evaluate alarms: on a real SQLite store, through the real review service.</summary>
[Trait("Area", "Alarms")]
public sealed class AlarmReviewTests
{
    private const string Rules = """
        { "rules": [
          { "id": "so2", "name": "SO2", "kind": "exceedance", "parameter": "a21026", "limit": 100 },
          { "id": "so2-3h", "name": "SO2 3 h", "kind": "exceedance", "parameter": "a21026", "limit": 100, "consecutive": 3 },
          { "id": "stuck", "name": "stuck analyser", "kind": "flatLine", "parameter": "a21026", "consecutive": 3 } ] }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvalidatingTheOnlyEvidence_OfAnUntouchedAlarm_ClosesIt_AndKeepsTheEvidenceFrozen()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(Rules, AlarmSome.Outlet());
        await host.CommitAsync(Value(0, 150m));
        Alarm raised = await SingleAsync(host, "so2");

        await host.ReviewAsync(Invalid(0, 1, "calibration", "标定时段"), "zhang");

        Alarm closed = (await host.Alarms.GetAsync(raised.Id, Ct))!;
        Assert.Equal((AlarmState.Closed, false), (closed.State, closed.IsActive));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(raised.Evidence, closed.Evidence);
        IReadOnlyList<AlarmStep> timeline = await host.Alarms.TimelineAsync(raised.Id, Ct);
        Assert.Equal(["raised", "invalidated"], timeline.Select(s => s.Action));
        using var detail = JsonDocument.Parse(timeline[1].Detail);
        JsonElement review = detail.RootElement.GetProperty("review");
        Assert.Equal(("zhang", "invalid", "calibration"), (review.GetProperty("reviewer").GetString(), review.GetProperty("verdict").GetString(), review.GetProperty("reason").GetString()));
        Assert.True(detail.RootElement.GetProperty("closed").GetBoolean());
    }

    [Fact]
    public async Task InvalidatingAnHourOfAThreeHourRun_ClearsAnAlarmInTheWorkflow_AndRestoringItMakesItActiveAgain()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(Rules, AlarmSome.Outlet());
        await host.CommitAsync(Value(0, 150m), Value(1, 160m), Value(2, 170m));
        Alarm run = await SingleAsync(host, "so2-3h");
        Assert.True((await host.Workflow.ApplyAsync(run.Id, AlarmAction.Acknowledge, new WorkflowInput(), "li", Ct))!.IsApplied);

        await host.ReviewAsync(Invalid(1, 2, "fault", null));

        Alarm cleared = (await host.Alarms.GetAsync(run.Id, Ct))!;
        Assert.Equal((AlarmState.Acknowledged, false), (cleared.State, cleared.IsActive));
        Alarm single = await SingleAsync(host, "so2");
        Assert.Equal((2, 170m), (single.Hits, single.Peak!.Value));
        Assert.Equal(["raised", "reviewed"], (await host.Alarms.TimelineAsync(single.Id, Ct)).Select(s => s.Action));

        await host.ReviewAsync(new ReviewRequest(StationId.Parse("OUT001"), ObservationInterval.Hour, null, Hours(1, 2), ReviewVerdict.Valid, "confirmed", "核实有效"));

        Alarm restored = (await host.Alarms.GetAsync(run.Id, Ct))!;
        Assert.Equal((AlarmState.Acknowledged, true, 3, 170m), (restored.State, restored.IsActive, restored.Hits, restored.Peak!.Value));
        Assert.Equal(["raised", "acknowledged", "invalidated", "reviewed"], (await host.Alarms.TimelineAsync(run.Id, Ct)).Select(s => s.Action));
        Assert.Single(await host.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, RuleId = "so2-3h" }, Ct));
    }

    [Fact]
    public async Task AFaultFlaggedValueAReviewerConfirms_RaisesTheExceedance()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(Rules, AlarmSome.Outlet());
        await host.CommitAsync(Value(0, 150m) with { Flag = DataFlag.Parse("D") });
        Assert.DoesNotContain(await host.AllAlarmsAsync(), a => a.RuleId == "so2");

        await host.ReviewAsync(new ReviewRequest(StationId.Parse("OUT001"), ObservationInterval.Hour, ParameterCode.Parse("a21026"), Hours(0, 1), ReviewVerdict.Valid, "confirmed", null));

        Alarm raised = await SingleAsync(host, "so2");
        Assert.Equal((AlarmSome.Hour(0), 150m), (raised.FirstPeriod, raised.Peak!.Value));
    }

    [Fact]
    public async Task InvalidatingAStuckAnalysersValues_LeavesTheFlatLineAlarmStanding()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(Rules, AlarmSome.Outlet());
        await host.CommitAsync(Value(0, 20m), Value(1, 20m), Value(2, 20m));
        Alarm stuck = await SingleAsync(host, "stuck");

        await host.ReviewAsync(Invalid(0, 3, "fault", "分析仪卡滞"));

        Alarm after = (await host.Alarms.GetAsync(stuck.Id, Ct))!;
        Assert.Equal((AlarmState.Open, true), (after.State, after.IsActive));
        Assert.Equal(["raised"], (await host.Alarms.TimelineAsync(stuck.Id, Ct)).Select(s => s.Action));
    }

    [Fact]
    public async Task ADecisionOnAnotherParameterOrOtherHours_LeavesTheAlarmAlone()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync(Rules, AlarmSome.Outlet());
        await host.CommitAsync(Value(5, 150m));
        Alarm alarm = await SingleAsync(host, "so2");

        await host.ReviewAsync(new ReviewRequest(StationId.Parse("OUT001"), ObservationInterval.Hour, ParameterCode.Parse("a21002"), Hours(5, 6), ReviewVerdict.Invalid, "fault", null));
        await host.ReviewAsync(Invalid(0, 5, "maintenance", null));

        Assert.Equal(["raised"], (await host.Alarms.TimelineAsync(alarm.Id, Ct)).Select(s => s.Action));
        Assert.True((await host.Alarms.GetAsync(alarm.Id, Ct))!.IsActive);
    }

    private static async Task<Alarm> SingleAsync(AlarmTestHost host, string rule) =>
        Assert.Single(await host.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, RuleId = rule }, Ct));

    private static ReviewRequest Invalid(int fromHour, int toHour, string reason, string? comment) =>
        new(StationId.Parse("OUT001"), ObservationInterval.Hour, ParameterCode.Parse("a21026"), Hours(fromHour, toHour), ReviewVerdict.Invalid, reason, comment);

    private static Interval Hours(int fromHour, int toHour) => new(AlarmSome.Hour(fromHour), AlarmSome.Hour(toHour));

    private static Observation Value(int hour, decimal value) => new()
    {
        Station = StationId.Parse("OUT001"), Parameter = ParameterCode.Parse("a21026"), Interval = ObservationInterval.Hour,
        PeriodStart = AlarmSome.Hour(hour), Value = value, ReceivedAt = AlarmSome.Hour(hour) + Duration.FromMinutes(5),
    };
}
