using System.Text.Json;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>The engine's timer rules and escalation on a real store, with the clock under the test's control.</summary>
[Trait("Area", "Alarms")]
public sealed class AlarmEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Station Outlet => AlarmSome.Outlet("OUT001");

    [Fact]
    public async Task Silence_AfterNMinutesWithoutData_RaisesOnce_AndClearsWhenDataArrives()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "silent-30", "name": "30 分钟无数据", "kind": "silence", "stationType": "flueGasOutlet", "silentMinutes": 30 } ] }
            """, Outlet);

        host.Time.Advance(TimeSpan.FromMinutes(29));
        await host.Engine.CheckAsync(Ct);
        Assert.Empty(await host.AllAlarmsAsync());

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.Engine.CheckAsync(Ct);
        await host.Engine.CheckAsync(Ct);
        Alarm silent = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal(AlarmRuleKind.Silence, silent.Kind);
        Assert.True(silent.IsActive);

        await host.CommitAsync(Value(host.Now, 10m));
        await host.Engine.CheckAsync(Ct);

        Alarm cleared = Assert.Single(await host.AllAlarmsAsync());
        Assert.False(cleared.IsActive);
        Assert.Equal(["raised", "cleared"], (await host.Alarms.TimelineAsync(cleared.Id, Ct)).Select(s => s.Action));
    }

    [Fact]
    public async Task Silence_IsConfirmedAgainstTheStore_SoAStationHeardOnlyByAnotherNodeIsNotSilent()
    {
        const string Rules = """{ "rules": [ { "id": "silent-30", "name": "30 分钟无数据", "kind": "silence", "silentMinutes": 30 } ] }""";
        await using AlarmTestHost a = await AlarmTestHost.StartAsync(Rules, Outlet);
        await using AlarmTestHost b = await a.SecondNodeAsync(Rules, Outlet);

        for (int i = 0; i < 9; i++)
        {
            Advance(TimeSpan.FromMinutes(10), a, b);
            await b.CommitAsync(Minute(b.Now));
            await CheckAsync(a, b);
        }

        Assert.Empty(await a.AllAlarmsAsync());
        Instant lastHeard = b.Now;

        Advance(TimeSpan.FromMinutes(31), a, b);
        await CheckAsync(a, b);
        await CheckAsync(a, b);

        Alarm silent = Assert.Single(await a.AllAlarmsAsync());
        Assert.True(silent.IsActive);
        Assert.Equal(lastHeard, silent.FirstPeriod);
    }

    [Fact]
    public async Task DispatchedAlarm_PastItsDeadline_IsEscalatedBySystem()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "so2", "name": "SO2", "kind": "exceedance", "parameter": "a21026", "limit": 100 } ] }
            """, Outlet);
        await host.CommitAsync(Value(AlarmSome.Hour(0), 150m));
        Alarm alarm = Assert.Single(await host.AllAlarmsAsync());
        Assert.True((await host.Workflow.ApplyAsync(alarm.Id, AlarmAction.Acknowledge, new WorkflowInput(), "zhang", Ct))!.IsApplied);
        Assert.True((await host.Workflow.ApplyAsync(alarm.Id, AlarmAction.Dispatch, new WorkflowInput { Unit = "局", Deadline = host.Now + Duration.FromHours(1) }, "zhang", Ct))!.IsApplied);

        host.Time.Advance(TimeSpan.FromMinutes(59));
        await host.Engine.CheckAsync(Ct);
        Assert.Equal(AlarmState.Dispatched, (await host.Alarms.GetAsync(alarm.Id, Ct))!.State);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.Engine.CheckAsync(Ct);

        Alarm escalated = (await host.Alarms.GetAsync(alarm.Id, Ct))!;
        Assert.Equal(AlarmState.Escalated, escalated.State);
        Assert.Equal(AlarmSeverity.Serious, escalated.Severity);
        AlarmStep last = (await host.Alarms.TimelineAsync(alarm.Id, Ct))[^1];
        Assert.Equal(("escalated", AlarmEngine.SystemActor), (last.Action, last.Actor));
    }

    [Fact]
    public async Task CityAqiOver200_RaisesHeavyPollution_AndClearsBelow()
    {
        Station air = AlarmSome.Outlet("1431A", "510104", StationType.AirQuality);
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "aqi-heavy", "name": "重度污染", "kind": "aqi", "severity": "serious", "region": "510000", "limit": 200 } ] }
            """, air);
        EvaluationSubject city = new(EvaluationScope.City, "510100");
        var hour = Instant.FromUtc(2026, 2, 28, 23, 0);
        await host.Evaluations.SaveHourlyAsync([new HourlyAqiRecord { Subject = city, HourStart = hour, Aqi = 201, Primary = "PM2.5", Exceeding = "PM2.5" }], Ct);

        await host.Engine.CheckAsync(Ct);
        Alarm heavy = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal(("510100", 201m, 200m), (heavy.Subject, heavy.Peak!.Value, heavy.Limit!.Value));

        await host.Evaluations.SaveHourlyAsync([new HourlyAqiRecord { Subject = city, HourStart = hour + Duration.FromHours(1), Aqi = 150, Primary = "PM2.5", Exceeding = "PM2.5" }], Ct);
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.Engine.CheckAsync(Ct);

        Assert.False(Assert.Single(await host.AllAlarmsAsync()).IsActive);
    }

    [Fact]
    public async Task Nh3nDoublingInFourHours_RaisesRateOfRiseWarning()
    {
        Station section = AlarmSome.Outlet("SW0001", "510104", StationType.SurfaceWater) with { WaterTargetClass = 3 };
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "nh3n-rise", "name": "氨氮 4 小时翻倍", "kind": "rateOfRise", "severity": "notice", "stationType": "surfaceWater", "parameter": "w21003", "riseFactor": 2, "riseHours": 4 } ] }
            """, section);

        decimal[] values = [0.40m, 0.45m, 0.55m, 0.70m, 0.79m];
        for (int h = 0; h < values.Length; h++)
        {
            await host.CommitAsync(Value(AlarmSome.Hour(h), values[h], "SW0001", "w21003"));
        }

        Assert.Empty(await host.AllAlarmsAsync());
        await host.CommitAsync(Value(AlarmSome.Hour(5), 0.95m, "SW0001", "w21003"));

        Alarm rise = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal(AlarmRuleKind.RateOfRise, rise.Kind);
        Assert.Equal(AlarmSome.Hour(5), rise.FirstPeriod);
    }

    [Fact]
    public async Task WaterTargetClass_AtALake_JudgesTpByTheLakeLimit()
    {
        // GB 3838-2002 Table 1 item 9, class III: lakes and reservoirs ≤ 0.05 mg/L (rivers 0.2). 0.05 is compliant at the
        // lake; 0.06 exceeds there, though far below the river limit; the same 0.06 at a river section raises nothing.
        Station lake = AlarmSome.Outlet("SWLAKE", "510104", StationType.SurfaceWater) with { Enterprise = null, WaterTargetClass = 3, WaterBody = WaterBodyType.Lake };
        Station river = lake with { Id = StationId.Parse("SWRIVR"), WaterBody = WaterBodyType.River };
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "tp-class", "name": "总磷超水质目标", "kind": "exceedance", "stationType": "surfaceWater", "parameter": "w21011", "limitSource": "waterTargetClass" } ] }
            """, lake, river);

        await host.CommitAsync(Value(AlarmSome.Hour(0), 0.05m, "SWLAKE", "w21011"));
        Assert.Empty(await host.AllAlarmsAsync());
        await host.CommitAsync(Value(AlarmSome.Hour(1), 0.06m, "SWLAKE", "w21011"), Value(AlarmSome.Hour(1), 0.06m, "SWRIVR", "w21011"));

        Alarm alarm = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal(("SWLAKE", 0.05m, 0.06m), (alarm.Subject, alarm.Limit!.Value, alarm.Peak!.Value));
    }

    [Fact]
    public async Task ALateValue_ThatMakesTheFollowingHourAFlatLine_RaisesIt()
    {
        // Two equal values make the flat line. Hours 0 (10) and 2 (20) first; the late hour 1 (20) differs from hour 0 —
        // no hit at its own hour — but makes hour 2 a repeat of it.
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "stuck", "name": "数据恒值", "kind": "flatLine", "parameter": "a21026", "consecutive": 2 } ] }
            """, AlarmSome.Outlet());
        await host.CommitAsync(Value(AlarmSome.Hour(0), 10m), Value(AlarmSome.Hour(2), 20m));
        Assert.Empty(await host.AllAlarmsAsync());

        await host.CommitAsync(Value(AlarmSome.Hour(1), 20m));

        Alarm stuck = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal((AlarmSome.Hour(2), AlarmSome.Hour(2)), (stuck.FirstPeriod, stuck.LastPeriod));
    }

    [Fact]
    public async Task ALateEarlierValue_ThatMakesALaterHourARise_RaisesIt()
    {
        // NH3-N ×2 in 4 hours: hours 1–5 arrive first (no rise); the late hour 0 (0.30) makes hour 4 (0.70) a rise.
        Station section = AlarmSome.Outlet("SW0001", "510104", StationType.SurfaceWater) with { WaterTargetClass = 3 };
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "nh3n-rise", "name": "氨氮 4 小时翻倍", "kind": "rateOfRise", "parameter": "w21003", "riseFactor": 2, "riseHours": 4 } ] }
            """, section);
        decimal[] values = [0.50m, 0.55m, 0.60m, 0.70m, 0.90m];
        for (int h = 0; h < values.Length; h++)
        {
            await host.CommitAsync(Value(AlarmSome.Hour(h + 1), values[h], "SW0001", "w21003"));
        }

        Assert.Empty(await host.AllAlarmsAsync());
        await host.CommitAsync(Value(AlarmSome.Hour(0), 0.30m, "SW0001", "w21003"));

        Alarm rise = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal((AlarmSome.Hour(4), 0.70m), (rise.FirstPeriod, rise.Peak!.Value));
    }

    [Fact]
    public async Task DrinkingWaterSource_MnAboveTable2Limit_RaisesAtTheSourceOnly()
    {
        // GB 3838-2002 Table 2: Mn 0.1 mg/L. The same rule and values at a section that is not a source raise nothing.
        Station source = AlarmSome.Outlet("SWSRC1", "510104", StationType.SurfaceWater) with { Enterprise = null, IsDrinkingWaterSource = true };
        Station other = AlarmSome.Outlet("SWOTH1", "510104", StationType.SurfaceWater) with { Enterprise = null };
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "source-mn", "name": "水源地锰超标", "kind": "exceedance", "severity": "serious", "stationType": "surfaceWater", "parameter": "w20124", "limitSource": "drinkingWaterSource" } ] }
            """, source, other);

        await host.CommitAsync(Value(AlarmSome.Hour(0), 0.1m, "SWSRC1", "w20124"));
        Assert.Empty(await host.AllAlarmsAsync());
        await host.CommitAsync(Value(AlarmSome.Hour(1), 0.12m, "SWSRC1", "w20124"));
        await host.CommitAsync(Value(AlarmSome.Hour(1), 0.5m, "SWOTH1", "w20124"));

        Alarm alarm = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal(("SWSRC1", 0.1m, 0.12m), (alarm.Subject, alarm.Limit!.Value, alarm.Peak!.Value));
        using var evidence = JsonDocument.Parse(alarm.Evidence);
        Assert.Equal("drinkingWaterSource", evidence.RootElement.GetProperty("limitSource").GetString());
    }

    private static void Advance(TimeSpan by, params AlarmTestHost[] nodes)
    {
        foreach (AlarmTestHost node in nodes)
        {
            node.Time.Advance(by);
        }
    }

    /// <summary>The nodes' periodic checks one after the other, as the worker runs them (reload, then check; under the cluster lock).</summary>
    private static async Task CheckAsync(params AlarmTestHost[] nodes)
    {
        foreach (AlarmTestHost node in nodes)
        {
            await node.Engine.LoadActiveAsync(Ct);
            await node.Engine.CheckAsync(Ct);
        }
    }

    private static Observation Minute(Instant at) => new()
    {
        Station = StationId.Parse("OUT001"), Parameter = ParameterCode.Parse("a21026"), Interval = ObservationInterval.Minute,
        PeriodStart = Instant.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / 60 * 60) - Duration.FromMinutes(1), Value = 10m, ReceivedAt = at,
    };

    private static Observation Value(Instant period, decimal value, string mn = "OUT001", string parameter = "a21026") => new()
    {
        Station = StationId.Parse(mn), Parameter = ParameterCode.Parse(parameter), Interval = ObservationInterval.Hour,
        PeriodStart = ChinaTime.StartOfHour(period), Value = value, ReceivedAt = period,
    };
}
