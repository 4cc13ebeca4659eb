using EcoMonitor.Application.Import;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Import;

[Trait("Area", "Spine")]
public sealed class CnemcWideCsvReaderTests
{
    private const string SampleHistory = "samples/history/cnemc-2019-12-18_31.csv.gz";
    private static readonly ImportOptions Options = new() { ReceivedAt = Some.ReceivedAt };

    private static async Task<List<ImportItem>> ReadAsync(string csv, Action<CnemcDerivedValue>? derived = null) =>
        await Some.ToListAsync(new CnemcWideCsvReader(Options, derived).ReadAsync(Some.Utf8(csv), TestContext.Current.CancellationToken));

    [Fact]
    public async Task ReadFileAsync_ShippedSample_GivesTheObservationsCountedByHand()
    {
        // Lines 2-16 of the file are 2019-12-18 hour 0; for 1431A: PM2.5 52, PM10 86, SO2 17, NO2 52, O3 14, CO 0.7
        // (zcat samples/history/cnemc-2019-12-18_31.csv.gz | sed -n 1,16p, column of 1431A). The file has 348,725
        // non-empty cells in PM2.5/PM10/SO2/NO2/O3/CO rows, 1,979 of them for 1431A (counted with python3 csv).
        var station = StationId.Parse("1431A");
        var start = ChinaTime.ToInstant(new LocalDateTime(2019, 12, 17, 23, 0));
        List<Observation> hour = [];
        int total = 0;
        int jinquan = 0;
        int errors = 0;
        await foreach (ImportItem item in new CnemcWideCsvReader(Options).ReadFileAsync(RepoFiles.Path(SampleHistory), TestContext.Current.CancellationToken))
        {
            errors += item.IsError ? 1 : 0;
            total++;
            if (item.Observation is { } o && o.Station == station)
            {
                jinquan++;
                if (o.PeriodStart == start)
                {
                    hour.Add(o);
                }
            }
        }

        Assert.Equal(0, errors);
        Assert.Equal(348_725, total);
        Assert.Equal(1_979, jinquan);
        Assert.Equal(
            [("a34004", 52m), ("a34002", 86m), ("a21026", 17m), ("a21004", 52m), ("a05024", 14m), ("a21005", 0.7m)],
            hour.Select(o => (o.Parameter.Value, o.Value!.Value)));
        Assert.All(hour, o => Assert.Equal(ObservationInterval.Hour, o.Interval));
    }

    [Fact]
    public async Task ReadAsync_HourLabelsPeriodEnd_HourZeroIsPreviousDay2300()
    {
        List<ImportItem> items = await ReadAsync("""
            date,hour,type,1431A,1432A
            20190101,0,PM2.5,52,
            20190101,8,CO,0.7,1.1
            """);

        Assert.Equal(3, items.Count);
        Assert.Equal(ChinaTime.ToInstant(new LocalDateTime(2018, 12, 31, 23, 0)), items[0].Observation!.PeriodStart);
        Assert.Equal(Instant.FromUtc(2018, 12, 31, 15, 0), items[0].Observation!.PeriodStart);
        Assert.Equal(ChinaTime.ToInstant(new LocalDateTime(2019, 1, 1, 7, 0)), items[1].Observation!.PeriodStart);
        Assert.Equal("a21005", items[2].Observation!.Parameter.Value);
    }

    [Fact]
    public async Task ReadAsync_DerivedTypes_AreNotObservationsButReachTheCallback()
    {
        var derived = new List<CnemcDerivedValue>();

        List<ImportItem> items = await ReadAsync("""
            date,hour,type,1431A
            20190101,1,AQI,72
            20190101,1,PM2.5_24h,39
            20190101,1,PM2.5,52
            """, derived.Add);

        Assert.Single(items);
        Assert.Equal([("AQI", 72m), ("PM2.5_24h", 39m)], derived.Select(d => (d.Type, d.Value)));
        Assert.Equal(new LocalDateTime(2019, 1, 1, 1, 0), derived[0].Label);
        Assert.Equal(2L, derived[0].Line);
    }

    [Fact]
    public async Task ReadAsync_BadCellsAndRows_ReportedWithLineAndColumn()
    {
        List<ImportItem> items = await ReadAsync("""
            date,hour,type,1431A,1432A
            20190101,1,PM2.5,x,40
            20190101,24,PM2.5,1,2
            20190101,2,PM1,1,2
            2019-01-01,3,PM2.5,1,2
            20190101,4,PM2.5,41,42
            """);

        Assert.Equal([40m, 41m, 42m], items.Where(i => !i.IsError).Select(i => i.Observation!.Value!.Value).Order());
        Assert.Equal(
            [(2L, "1431A"), (3L, "hour"), (4L, "type"), (5L, "date")],
            items.Where(i => i.IsError).Select(i => (i.Error!.Line, i.Error.Column)));
    }

    [Fact]
    public async Task ReadAsync_UnknownStationColumn_ReportedOnceAndSkipped()
    {
        var options = new ImportOptions { ReceivedAt = Some.ReceivedAt, IsKnownStation = id => id.Value == "1431A" };

        List<ImportItem> items = await Some.ToListAsync(new CnemcWideCsvReader(options).ReadAsync(Some.Utf8("""
            date,hour,type,1431A,9999A
            20190101,1,PM2.5,52,60
            20190101,2,PM2.5,50,61
            """), TestContext.Current.CancellationToken));

        Assert.Equal((1L, "9999A"), (items[0].Error!.Line, items[0].Error!.Column));
        Assert.Equal(2, items.Count(i => !i.IsError));
        Assert.Single(items, i => i.IsError);
    }
}
