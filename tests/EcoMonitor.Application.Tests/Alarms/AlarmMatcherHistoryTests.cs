using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>The per-observation pre-filter of flat-line and rise rules with the series' recent history.</summary>
[Trait("Area", "Alarms")]
public sealed class AlarmMatcherHistoryTests
{
    private static readonly Station Section = AlarmSome.Outlet("SW0001", "510104", StationType.SurfaceWater);

    private static readonly AlarmRuleSnapshot Snapshot = new(
        [
            new AlarmRule { Id = "flat", Name = "flat", Kind = AlarmRuleKind.FlatLine, Parameter = ParameterCode.Parse("w21003"), Consecutive = 4 },
            new AlarmRule { Id = "rise", Name = "rise", Kind = AlarmRuleKind.RateOfRise, Parameter = ParameterCode.Parse("w21003"), RiseFactor = 2m, RiseHours = 4 },
        ],
        new Dictionary<string, NotificationChannel>(),
        []);

    [Fact]
    public void NormalSeries_WithHistory_QueuesOnlyValuesWhoseNeighbourIsUnknown()
    {
        decimal[] values = [.. Enumerable.Range(0, 200).Select(h => 0.50m + ((h % 7) / 100m))];

        List<AlarmWorkItem> without = Collect(values, null);
        List<AlarmWorkItem> with = Collect(values, new RecentSeries());

        Assert.Equal(400, without.Count);
        // Hour 0 has no previous value (flat) and hours 0-3 no value 4 hours earlier (rise): unknown, so queued.
        Assert.Equal([("flat", 0), ("rise", 0), ("rise", 1), ("rise", 2), ("rise", 3)], with.Select(Key));
    }

    [Fact]
    public void RepeatedValueAndDoubling_AreQueued_AsIsAValueComparedWithAFlaggedOne()
    {
        List<AlarmWorkItem> items = Collect([0.40m, 0.41m, 0.42m, 0.43m, 0.44m, 0.44m, 0.90m], new RecentSeries());

        Assert.Contains(("flat", 5), items.Select(Key));
        Assert.Contains(("rise", 6), items.Select(Key));
        Assert.DoesNotContain(("flat", 6), items.Select(Key));
        Assert.DoesNotContain(("rise", 5), items.Select(Key));

        var flagged = new RecentSeries();
        List<AlarmWorkItem> output = [];
        AlarmMatcher.Collect(Value(0, 0.40m) with { Flag = DataFlag.Parse("D") }, Section, Snapshot, new ActiveAlarmSet(), output, flagged);
        for (int h = 1; h <= 4; h++)
        {
            AlarmMatcher.Collect(Value(h, 0.41m + (h / 100m)), Section, Snapshot, new ActiveAlarmSet(), output, flagged);
        }

        Assert.Contains(("rise", 4), output.Select(Key));
    }

    [Fact]
    public async Task Engine_FillsTheHistoryFromTheStore_WhenTheNodeMissedTheEarlierValues()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "nh3n-rise", "name": "氨氮 4 小时翻倍", "kind": "rateOfRise", "parameter": "w21003", "riseFactor": 2, "riseHours": 4 } ] }
            """, Section);
        decimal[] values = [0.40m, 0.45m, 0.50m, 0.55m, 0.60m, 0.65m, 0.70m, 0.75m];
        await host.StoreOnlyAsync([.. values.Select((v, h) => Value(h, v))]);

        host.Backlog.OnCommitted([Value(8, 0.80m)], null, []);
        Assert.Equal(1, host.Backlog.PendingCount);
        await host.Engine.ProcessAsync((await host.Backlog.Queue.TakeAllAsync(TestContext.Current.CancellationToken)).Items, TestContext.Current.CancellationToken);
        Assert.Empty(await host.AllAlarmsAsync());

        host.Backlog.OnCommitted([Value(9, 0.85m)], null, []);
        Assert.Equal(0, host.Backlog.PendingCount);

        await host.CommitAsync(Value(10, 1.40m));
        Alarm rise = Assert.Single(await host.AllAlarmsAsync());
        Assert.Equal((AlarmSome.Hour(10), 1.40m), (rise.FirstPeriod, rise.Peak!.Value));
    }

    private static List<AlarmWorkItem> Collect(decimal[] values, RecentSeries? recent)
    {
        List<AlarmWorkItem> output = [];
        var active = new ActiveAlarmSet();
        for (int h = 0; h < values.Length; h++)
        {
            AlarmMatcher.Collect(Value(h, values[h]), Section, Snapshot, active, output, recent);
        }

        return output;
    }

    private static (string, int) Key(AlarmWorkItem item) => (item.RuleId, (int)(item.Period - AlarmSome.Hour0).TotalHours);

    private static Observation Value(int hour, decimal value) => new()
    {
        Station = Section.Id, Parameter = ParameterCode.Parse("w21003"), Interval = ObservationInterval.Hour,
        PeriodStart = AlarmSome.Hour(hour), Value = value, ReceivedAt = AlarmSome.Hour(hour) + Duration.FromMinutes(5),
    };
}
