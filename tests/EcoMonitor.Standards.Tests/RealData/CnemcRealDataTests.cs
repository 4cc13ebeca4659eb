namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>
/// HJ 633-2012 clause 5 (real-time AQI) and GB 3095-2012 Table 4 (moving means) against the values CNEMC published
/// in 2019 beside the concentrations (../shared/data/README.md §1). Rates and mismatch kinds: docs/standards.md.
/// </summary>
[Trait("Area", "Standards")]
[Trait("Kind", "RealData")]
public sealed class CnemcRealDataTests(CnemcFixture fixture) : IClassFixture<CnemcFixture>
{
    [Fact]
    public void HourlyAqi_FromPublishedConcentrations_EqualsPublishedAqi()
    {
        CheckReport report = CnemcCheck.HourlyAqi(fixture.File);

        Assert.True(report.Compared > 1_400_000, report.ToMarkdown());
        Assert.True(report.Rate >= 0.9998, report.ToMarkdown());
    }

    /// <summary>
    /// Over windows whose hours the file holds completely: the 24-h moving means (GB 3095-2012 Table 4 averaging,
    /// GB/T 8170 rounding) and the O3 8-h moving mean as CNEMC publishes it in real time (bounded by the natural day).
    /// CO is published from unrounded hourly values, so it is checked within 0.1 mg/m³ as well.
    /// </summary>
    [Theory]
    [InlineData("PM2.5", "PM2.5_24h", 24, 0, false, 0.9995)]
    [InlineData("PM10", "PM10_24h", 24, 0, false, 0.9995)]
    [InlineData("SO2", "SO2_24h", 24, 0, false, 0.9995)]
    [InlineData("NO2", "NO2_24h", 24, 0, false, 0.9995)]
    [InlineData("CO", "CO_24h", 24, 1, false, 0.97)]
    [InlineData("O3", "O3_8h", 8, 0, true, 0.9995)]
    public void MovingMean_CompleteWindows_EqualPublishedMean(
        string hourly, string published, int window, int decimals, bool dayBounded, double minimumRate)
    {
        MovingMeanReport report = CnemcCheck.MovingMean(fixture.File, hourly, published, window, decimals, dayBounded);

        CheckReport complete = report.Kind("complete window");
        Assert.True(complete.Compared > 800_000, report.ToMarkdown());
        Assert.True(complete.Rate >= minimumRate, report.ToMarkdown());
        Assert.True(report.WithinOneRate("complete window") >= 0.9999, report.ToMarkdown());
    }
}
