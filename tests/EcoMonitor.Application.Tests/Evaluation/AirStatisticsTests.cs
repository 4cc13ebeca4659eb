using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Storage;
using NodaTime;

namespace EcoMonitor.Application.Tests.Evaluation;

[Trait("Area", "Standards")]
public sealed class AirStatisticsTests
{
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly LocalDate Last = new(2025, 12, 31);

    [Fact]
    public void ComputeEach_GroupedStations_EqualsComputeOfEachStation()
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

        IReadOnlyList<AirPeriodStatistics> each = AirStatistics.ComputeEach(First, Last, days);

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
    public void ComputeEach_SubjectsNotGrouped_IsRefused()
    {
        DailyAqiRecord Day(string code, int offset) =>
            new() { Subject = new EvaluationSubject(EvaluationScope.Station, code), Day = First.PlusDays(offset), Pm25 = 30m };

        Assert.Throws<ArgumentException>(() => AirStatistics.ComputeEach(First, Last, [Day("A", 0), Day("B", 0), Day("A", 1)]));
    }

    [Fact]
    public void ComputeEach_NoDays_NoStatistics() => Assert.Empty(AirStatistics.ComputeEach(First, Last, []));
}
