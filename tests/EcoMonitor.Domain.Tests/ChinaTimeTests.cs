using NodaTime;

namespace EcoMonitor.Domain.Tests;

[Trait("Area", "Spine")]
public sealed class ChinaTimeTests
{
    [Fact]
    public void ToInstant_AttachesPlusEight()
    {
        var instant = ChinaTime.ToInstant(new LocalDateTime(2019, 12, 31, 8, 0));

        Assert.Equal(Instant.FromUtc(2019, 12, 31, 0, 0), instant);
    }

    [Fact]
    public void StartOfDay_IsCstMidnight_NotUtcMidnight()
    {
        var lateUtc = Instant.FromUtc(2019, 12, 31, 17, 30);

        Assert.Equal(Instant.FromUtc(2019, 12, 31, 16, 0), ChinaTime.StartOfDay(lateUtc));
    }

    [Fact]
    public void HourWindow_OffTheHour_Throws()
    {
        Assert.Throws<DomainValidationException>(() => new HourWindow(Instant.FromUtc(2019, 12, 31, 0, 30)));
    }

    [Fact]
    public void HourWindow_CoversOneHour_EndExclusive()
    {
        HourWindow window = new(Instant.FromUtc(2019, 12, 31, 0, 0));

        Assert.Equal(Duration.FromHours(1), window.End - window.Start);
        Assert.False(window.ToInterval().Contains(window.End));
    }
}
