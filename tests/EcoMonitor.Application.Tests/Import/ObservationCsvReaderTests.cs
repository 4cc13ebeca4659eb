using System.IO.Compression;
using EcoMonitor.Application.Import;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Import;

[Trait("Area", "Spine")]
public sealed class ObservationCsvReaderTests
{
    private static readonly ImportOptions Options = new() { ReceivedAt = Some.ReceivedAt };

    private static async Task<List<ImportItem>> ReadAsync(string csv, ImportOptions? options = null) =>
        await Some.ToListAsync(new ObservationCsvReader(options ?? Options).ReadAsync(Some.Utf8(csv), TestContext.Current.CancellationToken));

    private static Instant Cst(int year, int month, int day, int hour, int minute = 0) =>
        ChinaTime.ToInstant(new LocalDateTime(year, month, day, hour, minute));

    [Fact]
    [Trait("Area", "Security")]
    public async Task ReadAsync_PeriodsThatCannotBeTrue_AreRefusedWithTheReason_TheRowsBesideThemKept()
    {
        // Some.ReceivedAt is 2026-01-01T00:00Z: a day ahead is the latest period accepted.
        const string csv = """
            station,parameter,interval,period_start,value
            1431A,a34004,hour,9999-12-31 23:00,52
            1431A,a34004,hour,2019-12-18 08:00,52
            1431A,a34004,hour,0001-01-01 00:00,52
            1431A,a34004,hour,1999-12-31 23:00,52
            1431A,a34004,hour,2026-01-02 09:00,52
            1431A,a34004,hour,9999-12-31T23:59:59-12:00,52
            1431A,a34004,hour,2026-01-02 07:00,53
            """;

        List<ImportItem> items = await ReadAsync(csv);

        Assert.Equal([Cst(2019, 12, 18, 8), Cst(2026, 1, 2, 7)], items.Where(i => !i.IsError).Select(i => i.Observation!.PeriodStart));
        ImportRowError[] errors = [.. items.Where(i => i.IsError).Select(i => i.Error!)];
        Assert.Equal([2L, 4L, 5L, 6L, 7L], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("period_start", e.Column));
        Assert.Contains("before 2000-01-01T00:00:00+08", errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("more than 24 h after it was received", errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("is not a time", errors[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadRowsBetweenGoodRows_KeepsGoodRowsAndReportsLineColumnReason()
    {
        const string csv = """
            station,parameter,interval,period_start,value,flag
            1431A,a34004,hour,2019-12-18 08:00,52,N
            1431A,a34004,hour,2019-12-18 09:00,abc,N

            1431A,a34004,week,2019-12-18 10:00,50,N
            1431A,a34004,hour,2019-12-18 11:00,48
            1431A,a21005,hour,2019-12-18T12:00:00+08:00,0.7,M
            """;

        List<ImportItem> items = await ReadAsync(csv);

        Observation[] observations = [.. items.Where(i => !i.IsError).Select(i => i.Observation!)];
        Assert.Equal([Cst(2019, 12, 18, 8), Cst(2019, 12, 18, 12)], observations.Select(o => o.PeriodStart));
        Assert.Equal(0.7m, observations[1].Value);
        Assert.Equal("M", observations[1].Flag.Value);
        Assert.Equal(ObservationSource.Import, observations[0].Source);
        ImportRowError[] errors = [.. items.Where(i => i.IsError).Select(i => i.Error!)];
        Assert.Equal([(3L, "value"), (5L, "interval"), (6L, "")], errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("'abc' is not a number", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("has 5 fields but the header has 6", errors[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LocalTime_IsChinaStandardTime()
    {
        List<ImportItem> items = await ReadAsync("""
            station,parameter,interval,period_start,value
            1431A,a34004,hour,2019-12-18 08:00:00,52
            1431A,a34004,hour,2019-12-18T00:00:00Z,40
            """);

        Assert.Equal(Instant.FromUtc(2019, 12, 18, 0, 0), items[0].Observation!.PeriodStart);
        Assert.Equal(Instant.FromUtc(2019, 12, 18, 0, 0), items[1].Observation!.PeriodStart);
    }

    [Fact]
    public async Task ReadAsync_PeriodEndColumn_ConvertsToPeriodStart()
    {
        List<ImportItem> items = await ReadAsync("""
            station,parameter,interval,period_end,value
            1431A,a34004,hour,2019-12-18 00:00,52
            1431A,a34004,day,2019-12-19 00:00,40
            """);

        Assert.Equal(Cst(2019, 12, 17, 23), items[0].Observation!.PeriodStart);
        Assert.Equal(Cst(2019, 12, 18, 0), items[1].Observation!.PeriodStart);
    }

    [Fact]
    public async Task ReadAsync_PeriodLabelEndOption_ConvertsPeriodStartColumn()
    {
        var options = new ImportOptions { ReceivedAt = Some.ReceivedAt, PeriodLabel = PeriodLabel.PeriodEnd, MinutePeriod = Duration.FromMinutes(5) };

        List<ImportItem> items = await ReadAsync("""
            station,parameter,interval,period_start,value
            1431A,a34004,hour,2019-12-18 09:00,52
            1431A,a34004,minute,2019-12-18 09:05,50
            1431A,a34004,realtime,2019-12-18 09:05:30,49
            """, options);

        Assert.Equal(Cst(2019, 12, 18, 8), items[0].Observation!.PeriodStart);
        Assert.Equal(Cst(2019, 12, 18, 9), items[1].Observation!.PeriodStart);
        Assert.Equal(Cst(2019, 12, 18, 9, 5) + Duration.FromSeconds(30), items[2].Observation!.PeriodStart);
    }

    [Fact]
    public async Task ReadAsync_HourNotOnTheHour_IsRowError()
    {
        List<ImportItem> items = await ReadAsync("""
            station,parameter,interval,period_start,value
            1431A,a34004,hour,2019-12-18 08:30,52
            """);

        ImportRowError error = Assert.Single(items).Error!;
        Assert.Equal((2L, "period_start"), (error.Line, error.Column));
        Assert.Contains("on the hour", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WithRegistryAndCatalog_RejectsUnknownAndMaps2005Codes()
    {
        ParameterCatalog catalog;
        using (FileStream stream = RepoFiles.Open("config/parameters.json"))
        {
            catalog = ParameterCatalog.Load(stream).Catalog;
        }

        var options = new ImportOptions { ReceivedAt = Some.ReceivedAt, Catalog = catalog, IsKnownStation = id => id.Value == "W01" };

        List<ImportItem> items = await ReadAsync("""
            station,parameter,interval,period_start,value
            W01,011,hour,2025-12-04 08:00,12.5
            W01,x99999,hour,2025-12-04 08:00,1
            W99,w21003,hour,2025-12-04 08:00,0.2
            """, options);

        Assert.Equal("w01018", items[0].Observation!.Parameter.Value);
        Assert.Equal((3L, "parameter"), (items[1].Error!.Line, items[1].Error!.Column));
        Assert.Equal((4L, "station"), (items[2].Error!.Line, items[2].Error!.Column));
        Assert.Contains("is not a registered station you may import for", items[2].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingRequiredColumn_ReportsHeaderErrorOnly()
    {
        List<ImportItem> items = await ReadAsync("""
            station,parameter,period_start,value
            1431A,a34004,2019-12-18 08:00,52
            """);

        ImportRowError error = Assert.Single(items).Error!;
        Assert.Equal((1L, "interval"), (error.Line, error.Column));
    }

    [Fact]
    public async Task ReadAsync_GzipStream_IsDecompressed()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("station,parameter,interval,period_start,value\n1431A,a34004,hour,2019-12-18 08:00,52\n"u8);
        }

        compressed.Position = 0;
        List<ImportItem> items = await Some.ToListAsync(new ObservationCsvReader(Options).ReadAsync(compressed, TestContext.Current.CancellationToken));

        Assert.Equal(52m, Assert.Single(items).Observation!.Value);
    }
}
