using EcoMonitor.Application.Import;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Import;

[Trait("Area", "Spine")]
public sealed class ObservationJsonReaderTests
{
    private static async Task<List<ImportItem>> ReadAsync(string json) =>
        await Some.ToListAsync(new ObservationJsonReader(new ImportOptions { ReceivedAt = Some.ReceivedAt, Source = ObservationSource.Api })
            .ReadAsync(Some.Utf8(json), TestContext.Current.CancellationToken));

    [Fact]
    public async Task ReadAsync_BadObjectsBetweenGoodOnes_KeepsGoodAndReportsPosition()
    {
        List<ImportItem> items = await ReadAsync("""
            [
              { "station": "1431A", "parameter": "a34004", "interval": "hour", "period_start": "2019-12-18 08:00", "value": 52, "min": 40, "max": 61 },
              { "station": "1431A", "parameter": "a34004", "interval": "hour", "period_start": "2019-12-18 09:00", "value": "n/a" },
              { "station": "1431A", "parameter": "a34004", "interval": "hour", "period_start": "2019-12-18 10:00", "valeu": 1 },
              { "station": "1431A", "parameter": "a21005", "interval": "hour", "period_end": "2019-12-18T12:00:00+08:00", "value": 0.70 }
            ]
            """);

        Observation[] observations = [.. items.Where(i => !i.IsError).Select(i => i.Observation!)];
        Assert.Equal(2, observations.Length);
        Assert.Equal((52m, 40m, 61m), (observations[0].Value, observations[0].Min, observations[0].Max));
        Assert.Equal(ObservationSource.Api, observations[0].Source);
        Assert.Equal("0.70", observations[1].Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ChinaTime.ToInstant(new LocalDateTime(2019, 12, 18, 11, 0)), observations[1].PeriodStart);
        ImportRowError[] errors = [.. items.Where(i => i.IsError).Select(i => i.Error!)];
        Assert.Equal([(2L, "value"), (3L, "valeu")], errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public async Task ReadAsync_SyntaxError_KeepsEarlierObjectsAndReportsDocumentLine()
    {
        List<ImportItem> items = await ReadAsync("""
            [
              { "station": "1431A", "parameter": "a34004", "interval": "hour", "period_start": "2019-12-18 08:00", "value": 52 },
              { "station": "1431A", "parameter": 
            """);

        Assert.NotNull(items[0].Observation);
        ImportRowError error = items[1].Error!;
        Assert.Equal(2, items.Count);
        Assert.True(error.Line >= 3, $"line {error.Line}");
    }

    [Fact]
    public async Task ReadAsync_ElementNotAnObject_IsError()
    {
        List<ImportItem> items = await ReadAsync("[ 42 ]");

        Assert.Equal((1L, string.Empty), (Assert.Single(items).Error!.Line, items[0].Error!.Column));
    }
}
