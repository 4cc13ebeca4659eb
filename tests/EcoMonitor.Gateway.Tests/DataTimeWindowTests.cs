using EcoMonitor.Application.Ingest;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Security")]
public sealed class DataTimeWindowTests
{
    // 2026-12-01 12:00 China Standard Time.
    private static readonly Instant ReceivedAt = Instant.FromUtc(2026, 12, 1, 4, 0);
    private readonly DataTimeWindow _window = new GatewayOptions().DataTime.ToWindow();

    [Theory]
    [InlineData(2000, 1, 1, 0, 0, true)]
    [InlineData(1999, 12, 31, 23, 59, false)]
    [InlineData(2026, 12, 2, 12, 0, true)]
    [InlineData(2026, 12, 2, 12, 1, false)]
    [InlineData(9999, 12, 31, 23, 0, false)]
    [InlineData(1, 1, 1, 0, 0, false)]
    public void Defaults_From2000ToOneDayAhead_BothInclusive(int year, int month, int day, int hour, int minute, bool isBelievable) =>
        Assert.Equal(isBelievable, _window.Problem(ChinaTime.ToInstant(new LocalDateTime(year, month, day, hour, minute)), ReceivedAt) is null);
}
