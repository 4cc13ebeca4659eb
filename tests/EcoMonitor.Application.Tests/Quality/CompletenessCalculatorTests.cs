using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Quality;

/// <summary>Completeness of a station-day with injected gaps, late values and invalid values.</summary>
[Trait("Area", "Quality")]
public sealed class CompletenessCalculatorTests
{
    private static readonly Instant Day = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 2, 0, 0));
    private static readonly int[] FourHourly = [0, 5, 12, 13, 16, 21];
    private static readonly string[] Six = ["a21026", "a21004", "a34002", "a34004", "a21005", "a05024"];

    private static readonly Station Air = new()
    {
        Id = StationId.Parse("9001A"), Name = "test", Type = StationType.AirQuality, Region = RegionCode.Parse("510104"), Password = Some.HashedPassword,
    };

    private static Observation Value(string parameter, int hour, Duration delay) => new()
    {
        Station = Air.Id, Parameter = ParameterCode.Parse(parameter), Interval = ObservationInterval.Hour,
        PeriodStart = Day + Duration.FromHours(hour), Value = 10m, ReceivedAt = Day + Duration.FromHours(hour + 1) + delay,
    };

    [Fact]
    public void GapsLateAndInvalidValues_AreCounted()
    {
        // Hours 3–6 (4 periods) and 20 (1 period) silent; hour 10 only PM2.5; hours 12–13 arrive 3 h late.
        var window = new List<Observation>();
        for (int h = 0; h < 24; h++)
        {
            if (h is >= 3 and <= 6 or 20)
            {
                continue;
            }

            Duration delay = h is 12 or 13 ? Duration.FromHours(3) : Duration.FromMinutes(2);
            window.AddRange(h == 10 ? [Value("a34004", h, delay)] : Six.Select(p => Value(p, h, delay)));
        }

        window.Add(Value("a01001", 0, Duration.Zero)); // a meteorological value: not expected, not counted
        // Two values invalid (excluded by a check).
        List<Observation> valid = [.. window.Where(o => !(o.PeriodStart == Day + Duration.FromHours(1) && o.Parameter.Value is "a34004" or "a34002"))];

        StationCompleteness c = CompletenessCalculator.Compute(Air, Day, Day + Duration.FromDays(1), window, valid, Duration.FromMinutes(60), offlineMinPeriods: 3);

        int received = (18 * 6) + 1;
        Assert.Equal(24, c.ExpectedPeriods);
        Assert.Equal(19, c.ReceivedPeriods);
        Assert.Equal(144, c.ExpectedValues);
        Assert.Equal(received, c.ReceivedValues);
        Assert.Equal(received - 2, c.ValidValues);
        Assert.Equal(received - 12, c.OnTimeValues);
        Assert.Equal(Math.Round((received - 2) / 144m, 4), c.ValidRate);
        Assert.Equal(Math.Round((received - 12) / (decimal)received, 4), c.OnTimeRate);
        OfflinePeriod gap = Assert.Single(c.Offline); // the 1-hour gap at 20:00 is below the threshold
        Assert.Equal(Day + Duration.FromHours(3), gap.Start);
        Assert.Equal(Day + Duration.FromHours(7), gap.End);
        Assert.Equal(4, gap.Periods);
        Assert.Equal(Day + Duration.FromHours(23), c.LastPeriodStart);
    }

    [Fact]
    public void SilentStation_IsOneOfflinePeriod_AndRateZero()
    {
        StationCompleteness c = CompletenessCalculator.Compute(Air, Day, Day + Duration.FromDays(2), [], [], Duration.FromMinutes(60), 3);

        Assert.Equal(48, c.ExpectedPeriods);
        Assert.Equal(0m, c.ValidRate);
        Assert.Null(c.OnTimeRate);
        Assert.Null(c.LastPeriodStart);
        Assert.Equal(48, Assert.Single(c.Offline).Periods);
    }

    [Fact]
    public void OtherStationTypes_ExpectTheParametersTheySent()
    {
        Station water = Air with { Type = StationType.SurfaceWater };
        Observation[] window = [Value("w01001", 0, Duration.Zero), Value("w01001", 1, Duration.Zero), Value("w01009", 1, Duration.Zero)];

        StationCompleteness c = CompletenessCalculator.Compute(water, Day, Day + Duration.FromDays(1), window, window, Duration.FromMinutes(60), 3);

        Assert.Equal(["w01001", "w01009"], c.ExpectedParameters.Select(p => p.Value));
        Assert.Equal(48, c.ExpectedValues);
        Assert.Equal(3, c.ValidValues);
        Assert.Equal(22, Assert.Single(c.Offline).Periods);
    }

    [Fact]
    public void FourHourlyStation_IsExpectedSixTimesADay()
    {
        // A surface-water station measuring every 4 h (00, 04 … 20 CST) sent 5 of its 6 periods (08:00 missing), two of
        // them labelled an hour into the period; 12:00 came twice (a 13:00 value in the same period counts once).
        Station water = Air with { Type = StationType.SurfaceWater, ReportingIntervalHours = 4 };
        Observation[] window = [.. FourHourly.Select(h => Value("w01001", h, Duration.FromMinutes(10)))];

        StationCompleteness c = CompletenessCalculator.Compute(water, Day, Day + Duration.FromDays(1), window, window, Duration.FromMinutes(60), 1);

        Assert.Equal(6, c.ExpectedPeriods);
        Assert.Equal(6, c.ExpectedValues);
        Assert.Equal(5, c.ReceivedPeriods);
        Assert.Equal(5, c.ReceivedValues);
        Assert.Equal(5, c.ValidValues);
        OfflinePeriod gap = Assert.Single(c.Offline);
        Assert.Equal(Day + Duration.FromHours(8), gap.Start);
        Assert.Equal(Day + Duration.FromHours(12), gap.End);
        Assert.Equal(1, gap.Periods);

        StationCompleteness hourly = CompletenessCalculator.Compute(water with { ReportingIntervalHours = 1 }, Day, Day + Duration.FromDays(1), window, window, Duration.FromMinutes(60), 1);
        Assert.Equal(24, hourly.ExpectedValues);                      // the old assumption: 6 of 24
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(24, true)]
    [InlineData(5, false)]
    [InlineData(0, false)]
    [InlineData(48, false)]
    public void ReportingInterval_MustDivideADay(int hours, bool isValid) => Assert.Equal(isValid, Station.IsValidReportingInterval(hours));

    [Fact]
    public void WindowNotOnWholeHours_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CompletenessCalculator.Compute(Air, Day + Duration.FromMinutes(5), Day + Duration.FromDays(1), [], [], Duration.Zero, 3));
}
