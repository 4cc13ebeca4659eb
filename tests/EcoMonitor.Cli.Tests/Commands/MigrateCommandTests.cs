using System.Globalization;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Storage;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Tests.Commands;

/// <summary><c>ecomon migrate</c> from a real SQLite store into a real PostgreSQL database, interrupted and resumed.</summary>
[Trait("Area", "Postgres")]
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private static readonly Instant Day = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 1, 0, 0));
    private static readonly StationId Station = StationId.Parse("MIG1");
    private MigrateWorkspace? _workspace;

    private string Sqlite => _workspace!.SqliteFile("store.db");

    private string Postgres => _workspace!.Postgres;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _workspace = await MigrateWorkspace.CreateAsync("ecomon-migrate-", Ct);

    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null)
        {
            await _workspace.DisposeAsync();
        }
    }

    [Fact]
    public async Task Interrupted_ThenRunAgain_CopiesEverythingOnce_AndCountsMatch()
    {
        await SeedAsync();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(3, await MigrateCommand.RunAsync(Sqlite, Postgres, pageSize: 7, maxPages: 3, output, Ct));
        Assert.Equal(0, await MigrateCommand.RunAsync(Sqlite, Postgres, pageSize: 7, maxPages: null, output, Ct));
        Assert.Equal(0, await MigrateCommand.RunAsync(Sqlite, Postgres, pageSize: 7, maxPages: null, output, Ct));

        string text = output.ToString();
        Assert.DoesNotContain("MISSING", text, StringComparison.Ordinal);
        Assert.DoesNotContain("target has more", text, StringComparison.Ordinal);
        using CliStore source = await CliStore.OpenAsync(Sqlite, Ct);
        using CliStore target = await CliStore.OpenAsync(Postgres, Ct);
        ObservationQuery all = new() { Station = Station, Interval = ObservationInterval.Hour, From = Day, To = Day + Duration.FromDays(2) };
        IReadOnlyList<Observation> copied = await target.Observations.QueryAsync(all, Ct);
        Assert.Equal(48, copied.Count);
        Assert.Equal(await source.Observations.QueryAsync(all, Ct), copied);
        var revised = ObservationKey.Of(copied[5]);
        Assert.Equal(
            (await source.Observations.HistoryAsync(revised, Ct)).Select(r => (r.Revision, r.Observation)),
            (await target.Observations.HistoryAsync(revised, Ct)).Select(r => (r.Revision, r.Observation)));
        Assert.Equal(3, (await target.Observations.HistoryAsync(revised, Ct)).Count);
        Assert.Equal(await source.Observations.LatestAsync(Station, Ct), await target.Observations.LatestAsync(Station, Ct));
        Assert.Equal(await source.Stations.ListAsync(Ct), await target.Stations.ListAsync(Ct));
        IReadOnlyList<RawFrame> sourceFrames = await source.Frames.QueryAsync(null, new Interval(null, null), 100, Ct);
        IReadOnlyList<RawFrame> targetFrames = await target.Frames.QueryAsync(null, new Interval(null, null), 100, Ct);
        Assert.Equal(sourceFrames.Select(f => (f.ReceivedAt, f.Reason, f.Bytes.ToArray().Length)), targetFrames.Select(f => (f.ReceivedAt, f.Reason, f.Bytes.ToArray().Length)));
        Assert.Equal(20, targetFrames.Count);
        PacketId packet = new("MIG1", "20260301000000003", 1);
        Assert.Equal([packet], await target.Ingest.FindKnownPacketsAsync([packet], Ct));
        Assert.Equal(
            await source.Evaluations.QueryDailyAsync(EvaluationScope.Station, null, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 2), Ct),
            await target.Evaluations.QueryDailyAsync(EvaluationScope.Station, null, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 2), Ct));
        Assert.Equal(
            await source.Evaluations.QueryHourlyAsync(EvaluationSubject.Of(Station), Day, Day + Duration.FromDays(1), Ct),
            await target.Evaluations.QueryHourlyAsync(EvaluationSubject.Of(Station), Day, Day + Duration.FromDays(1), Ct));
    }

    private async Task SeedAsync()
    {
        using CliStore store = await CliStore.OpenAsync(Sqlite, Ct);
        await store.Stations.UpsertAsync(
        [
            new Station { Id = Station, Name = "迁移站", Type = StationType.AirQuality, Region = RegionCode.Parse("510104"), Password = StationPassword.Plain("123456").Hash(StationPassword.MinIterations), Location = new GeoPoint(104.1, 30.6) },
            new Station { Id = StationId.Parse("MIG2"), Name = "迁移站二", Type = StationType.SurfaceWater, Region = RegionCode.Parse("510104"), Password = StationPassword.Plain("654321").Hash(StationPassword.MinIterations), WaterTargetClass = 3, WaterBody = WaterBodyType.Reservoir, IsDrinkingWaterSource = true, Basin = "长江流域", WaterBodyName = "红枫湖" },
        ], Ct);
        Observation[] hours = [.. Enumerable.Range(0, 48).Select(h => new Observation
        {
            Station = Station,
            Parameter = ParameterCode.Parse("a34004"),
            Interval = ObservationInterval.Hour,
            PeriodStart = Day + Duration.FromHours(h),
            Value = 80m + (h / 10m),
            Min = h == 0 ? null : 0.001m,
            ReceivedAt = Day + Duration.FromHours(h + 1),
        })];
        await store.Observations.AppendAsync(hours, Ct);
        await store.Observations.AppendAsync([hours[5] with { Value = 1m }], Ct);
        await store.Observations.AppendAsync([hours[5] with { Value = 2m, Flag = DataFlag.Parse("D") }], Ct);
        var batch = new IngestBatch();
        for (int i = 0; i < 20; i++)
        {
            batch.Frames.Add(new RawFrame
            {
                ReceivedAt = Day + Duration.FromMinutes(i),
                Peer = "10.0.0.1:5000",
                StationId = i % 3 == 0 ? null : "MIG1",
                Bytes = new byte[i * 3],
                Outcome = i % 4 == 0 ? RawFrameOutcome.Rejected : RawFrameOutcome.Accepted,
                Reason = i % 4 == 0 ? "CrcMismatch" + i.ToString(CultureInfo.InvariantCulture) : null,
            });
            batch.Packets.Add(new PacketId("MIG1", string.Create(CultureInfo.InvariantCulture, $"2026030100000000{i}"), 1));
        }

        await store.Ingest.CommitAsync(batch, Ct);
        await store.Evaluations.SaveHourlyAsync(
        [
            new HourlyAqiRecord { Subject = EvaluationSubject.Of(Station), HourStart = Day, Pm25 = 80m, Aqi = 106, Primary = "PM2.5", Exceeding = "PM2.5" },
            new HourlyAqiRecord { Subject = EvaluationSubject.Of(Station), HourStart = Day + Duration.FromHours(1), Co = 0.7m },
        ], Ct);
        await store.Evaluations.SaveDailyAsync(
        [
            new DailyAqiRecord { Subject = EvaluationSubject.Of(Station), Day = new LocalDate(2026, 3, 1), Pm25 = 80m, IsValid = false, Aqi = 106, Primary = "PM2.5" },
            new DailyAqiRecord { Subject = EvaluationSubject.Of(RegionCode.Parse("510104")), Day = new LocalDate(2026, 3, 2), So2 = 5m, IsValid = true, Aqi = 40 },
        ], Ct);
    }
}
