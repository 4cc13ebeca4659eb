using EcoMonitor.Application.Evaluation;
using NodaTime;

namespace EcoMonitor.Application.Tests.Evaluation;

[Trait("Area", "Standards")]
public sealed class AirStatisticsTests
{
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly LocalDate Last = new(2025, 12, 31);

    [Fact]
    public void ComputeEach_SeriesOfStations_EqualsComputeOfEachStationsRecords()
    {
        var random = new Random(7);
        List<DailyAqiRecord> days = [];
        foreach (string code in new[] { "A", "B", "C", "D", "E" })
        {
            var subject = new EvaluationSubject(EvaluationScope.Station, code);
            for (LocalDate day = First; day <= Last; day = day.PlusDays(1))
            {
                days.Add(new DailyAqiRecord
                {
                    Subject = subject, Day = day, So2 = random.Next(3, 80), No2 = random.Next(10, 90), Pm10 = random.Next(20, 250),
                    Pm25 = random.Next(30) == 0 ? null : random.Next(5, 200), Co = random.Next(3, 60) / 10m,
                    O3MaxEightHour = random.Next(15, 240), IsValid = true, Aqi = random.Next(15, 300),
                });
            }
        }

        IReadOnlyList<AirPeriodStatistics> each = AirStatistics.ComputeEach(DailyAirSeries.GroupBySubject(days, First, Last));

        Assert.Equal(["A", "B", "C", "D", "E"], each.Select(s => s.Subject.Code));
        foreach (AirPeriodStatistics statistics in each)
        {
            AirPeriodStatistics alone = AirStatistics.Compute(statistics.Subject, First, Last, days);
            Assert.Equal(alone.Index.Index, statistics.Index.Index);
            Assert.Equal(alone.Index.MaxPollutant, statistics.Index.MaxPollutant);
            Assert.Equal(alone.Index.SingleIndices, statistics.Index.SingleIndices);
            Assert.Equivalent(alone.Days, statistics.Days, strict: true);
            Assert.Equal(alone.IsCompliant, statistics.IsCompliant);
            Assert.Equal(alone.Items, statistics.Items);
        }
    }

    [Fact]
    public void GroupBySubject_InterleavedSubjects_OneSeriesEachInFirstAppearanceOrder()
    {
        DailyAqiRecord Day(string code, int offset, decimal pm25) =>
            new() { Subject = new EvaluationSubject(EvaluationScope.Station, code), Day = First.PlusDays(offset), Pm25 = pm25, Aqi = 50 };

        IReadOnlyList<DailyAirSeries> series = DailyAirSeries.GroupBySubject(
            [Day("B", 0, 10m), Day("A", 0, 20m), Day("B", 2, 30m), Day("A", 400, 99m)], First, Last);

        Assert.Equal(["B", "A"], series.Select(s => s.Subject.Code));
        Assert.Equal([10m, null, 30m], series[0].Pm25.Take(3));
        Assert.Equal(2, series[0].StoredDays);
        Assert.Equal(1, series[1].StoredDays);
        Assert.Equal(365, series[1].Count);
        Assert.All(series[1].Pm25.Skip(1), v => Assert.Null(v));
    }

    [Fact]
    public void Set_RecordOfAnotherSubject_IsRefused()
    {
        var series = new DailyAirSeries(new EvaluationSubject(EvaluationScope.Station, "A"), First, Last);

        Assert.Throws<ArgumentException>(() => series.Set(new DailyAqiRecord { Subject = new EvaluationSubject(EvaluationScope.City, "A"), Day = First }));
    }

    [Fact]
    public void ComputeEach_NoSeries_NoStatistics() => Assert.Empty(AirStatistics.ComputeEach([]));
}
