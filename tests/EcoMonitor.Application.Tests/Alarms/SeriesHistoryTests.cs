using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Alarms")]
public sealed class SeriesHistoryTests
{
    private static readonly DataFlag Fault = DataFlag.Parse("D");

    [Fact]
    public void Put_OutOfOrderAndRevised_KeepsPeriodsSortedAndTheLatestRevision()
    {
        var history = new SeriesHistory(4);
        history.Put(AlarmSome.Hour(2), 2m, DataFlag.Normal);
        history.Put(AlarmSome.Hour(0), 0m, DataFlag.Normal);
        history.Put(AlarmSome.Hour(1), 1m, DataFlag.Normal);
        history.Put(AlarmSome.Hour(1), 1.5m, Fault);

        Assert.Equal(3, history.Count);
        Assert.True(history.TryGet(AlarmSome.Hour(1), out decimal? value, out DataFlag flag));
        Assert.Equal((1.5m, Fault), (value, flag));
        Assert.False(history.TryGet(AlarmSome.Hour(3), out _, out _));
    }

    [Fact]
    public void Put_WhenFull_DropsTheOldestPeriod_AndIgnoresOneOlderThanAll()
    {
        var history = new SeriesHistory(3);
        for (int h = 0; h < 5; h++)
        {
            history.Put(AlarmSome.Hour(h), h, DataFlag.Normal);
        }

        history.Put(AlarmSome.Hour(0), 9m, DataFlag.Normal);
        history.Put(AlarmSome.Hour(3), 3.5m, DataFlag.Normal);

        Assert.Equal(3, history.Count);
        Assert.False(history.TryGet(AlarmSome.Hour(0), out _, out _));
        Assert.False(history.TryGet(AlarmSome.Hour(1), out _, out _));
        Assert.True(history.TryGet(AlarmSome.Hour(2), out decimal? two, out _));
        Assert.True(history.TryGet(AlarmSome.Hour(3), out decimal? three, out _));
        Assert.Equal((2m, 3.5m), (two!.Value, three!.Value));
    }

    [Fact]
    public void Fill_FromTheStore_DoesNotReplaceAValueHeldFromTheStream()
    {
        var history = new SeriesHistory(3);
        history.Put(AlarmSome.Hour(1), 5m, DataFlag.Normal);

        history.Fill(AlarmSome.Hour(1), 4m, DataFlag.Normal);
        history.Fill(AlarmSome.Hour(0), 3m, DataFlag.Normal);

        Assert.True(history.TryGet(AlarmSome.Hour(1), out decimal? one, out _));
        Assert.True(history.TryGet(AlarmSome.Hour(0), out decimal? zero, out _));
        Assert.Equal((5m, 3m), (one!.Value, zero!.Value));
    }
}
