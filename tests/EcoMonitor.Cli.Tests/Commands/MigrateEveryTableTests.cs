using System.Globalization;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Reports;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Storage.Transfer;
using EcoMonitor.Application.Targets;
using EcoMonitor.Application.Work;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Cli.Tests.Commands;

/// <summary>
/// <c>ecomon migrate</c> copies every table — audit trail, quality, review, alarms, rules, permits as well as
/// observations — from a real SQLite store into a real PostgreSQL database and from there into a second SQLite store,
/// row for row, with the audit chain intact and ids kept.
/// </summary>
[Trait("Area", "Postgres")]
public sealed class MigrateEveryTableTests : IAsyncLifetime
{
    private static readonly Instant T0 = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 1, 0, 0));
    private static readonly StationId Air = StationId.Parse("MIGA");
    private static readonly StationId Outlet = StationId.Parse("MIGO");
    private MigrateWorkspace? _workspace;

    private string First => _workspace!.SqliteFile("first.db");

    private string Second => _workspace!.SqliteFile("second.db");

    private string Postgres => _workspace!.Postgres;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _workspace = await MigrateWorkspace.CreateAsync("ecomon-migrate-all-", Ct);

    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null)
        {
            await _workspace.DisposeAsync();
        }
    }

    [Fact]
    public async Task SqliteToPostgresAndBack_CopiesEveryTableRowForRow_AuditChainIntact()
    {
        await SeedAsync(First);
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(3, await MigrateCommand.RunAsync(First, Postgres, pageSize: 2, maxPages: 9, output, Ct));
        Assert.Equal(0, await MigrateCommand.RunAsync(First, Postgres, pageSize: 2, maxPages: null, output, Ct));
        Assert.Equal(0, await MigrateCommand.RunAsync(Postgres, Second, pageSize: 3, maxPages: null, output, Ct));

        string text = output.ToString();
        Assert.DoesNotContain("MISSING", text, StringComparison.Ordinal);
        Assert.Contains("audit trail of the target intact: 4 entries", text, StringComparison.Ordinal);
        using CliStore first = await CliStore.OpenAsync(First, Ct);
        using CliStore postgres = await CliStore.OpenAsync(Postgres, Ct);
        using CliStore second = await CliStore.OpenAsync(Second, Ct);
        foreach (string table in TransferTables.All)
        {
            IReadOnlyList<string> original = await DumpAsync(first, table);
            Assert.NotEmpty(original);
            Assert.Equal(original, await DumpAsync(postgres, table));
            Assert.Equal(original, await DumpAsync(second, table));
        }

        // The SQLite copy's columnar daily results (ADR 0024) are rebuilt from the copied rows.
        DailyAirSeries copied = Assert.Single(await second.Evaluations.QueryDailySeriesAsync(EvaluationScope.Station, null, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), Ct));
        Assert.Equal(80.1m, copied.Pm25[0]);
        Assert.Equal(106, copied.Aqi[0]);
        Assert.Equal(1, copied.StoredDays);

        Assert.Equal(0, await AuditCommand.VerifyAsync(Postgres, null, json: false, output, Ct));
        Assert.Equal(0, await AuditCommand.VerifyAsync(Second, null, json: false, output, Ct));
        foreach (CliStore copy in new[] { postgres, second })
        {
            IAlarmStore alarms = copy.Get<IAlarmStore>();
            Alarm open = (await alarms.FindOpenAsync("MIGO", "so2", Ct))!;
            Assert.Equal(3, open.Id);
            Assert.Equal(await first.Get<IAlarmStore>().TimelineAsync(open.Id, Ct), await alarms.TimelineAsync(open.Id, Ct));
            Assert.Equal(await first.Get<IAlarmStore>().NotificationsAsync(1, Ct), await alarms.NotificationsAsync(1, Ct));
            // Work waiting on the source waits on the copy, for every worker; set-aside work stays set aside.
            IPendingWorkStore work = copy.Get<IPendingWorkStore>();
            Assert.Equal(
                (await first.Get<IPendingWorkStore>().PendingAsync(WorkKind.Evaluation, 0, null, 100, Ct)).Select(p => (p.Day, p.Version)),
                (await work.PendingAsync(WorkKind.Evaluation, 0, null, 100, Ct)).Select(p => (p.Day, p.Version)));
            Assert.Equal(WorkKind.Quality, Assert.Single(await work.SetAsideAsync(10, Ct)).Kind);
            IReadOnlyList<ReviewDecision> pending = await first.Get<IAlarmStore>().PendingReviewsAsync(10, Ct);
            Assert.Equal(2, pending.Count);
            Assert.Equal(pending, await alarms.PendingReviewsAsync(10, Ct));
            Assert.Equal(4, (await alarms.SaveAsync(NewAlarm("MIGX"), null, [], Ct)).Id);
            // Accounts keep their ids and roles; the identity moves past them, so the next account gets a new id.
            IAccountStore accounts = copy.Get<IAccountStore>();
            Assert.Equal((await first.Get<IAccountStore>().ListAsync(Ct)).Select(Describe), (await accounts.ListAsync(Ct)).Select(Describe));
            Assert.Equal(3, (await accounts.CreateAsync(new UserAccount { UserName = "new", DisplayName = "新", CreatedAt = T0, CreatedBy = "ops" }, Ct)).Id);
            // Archived reports keep their ids, versions and bytes.
            IReportArchive reports = copy.Get<IReportArchive>();
            Assert.Equal(await first.Get<IReportArchive>().ListAsync(new ReportQuery(), Ct), await reports.ListAsync(new ReportQuery(), Ct));
            Assert.Equal([37, 80, 68, 71], await reports.ReadContentAsync(2, Ct));
            Assert.Equal(2, (await reports.StoreAsync(new NewReport(ReportKind.DailyBulletin, "510100", "2026-03-01", ReportFormat.Docx, "d", T0, "ops", [1]), Ct)).Report.Version);
            // API clients keep their ids, secret hashes, revocation and last use: every department's key works on the target.
            Assert.Equal(await first.Get<IApiClientStore>().ListAsync(Ct), await copy.Get<IApiClientStore>().ListAsync(Ct));
            Assert.Equal(
                await first.Get<IReviewStore>().QueryDecisionsAsync(Air, ObservationInterval.Hour, new Interval(T0, T0 + Duration.FromDays(1)), Ct),
                await copy.Get<IReviewStore>().QueryDecisionsAsync(Air, ObservationInterval.Hour, new Interval(T0, T0 + Duration.FromDays(1)), Ct));
            IReadOnlyList<AuditEntry> appended = await copy.Audit.AppendAsync([new AuditRecord("ops", "after.migrate", "station", "MIGA")], Ct);
            Assert.Equal(7, appended[0].Sequence);
            Assert.True((await new AuditChainVerifier(copy.Audit).VerifyAsync(null, Ct)).IsIntact);
        }
    }

    [Fact]
    public async Task TargetWithAnAuditTrailOfItsOwn_IsRefused_NothingMixed()
    {
        await SeedAsync(First);
        using (CliStore target = await CliStore.OpenAsync(Second, Ct))
        {
            await target.Audit.AppendAsync([new AuditRecord("ops", "station.created", "station", "OTHER")], Ct);
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(1, await MigrateCommand.RunAsync(First, Second, pageSize: 100, maxPages: null, output, Ct));
        Assert.Contains("the target already holds 1 rows of audit_entry", output.ToString(), StringComparison.Ordinal);
        using CliStore unchanged = await CliStore.OpenAsync(Second, Ct);
        Assert.Empty(await unchanged.Stations.ListAsync(Ct));
    }

    [Fact]
    public async Task SameStoreTwice_ExitsWithOneAndSaysWhy()
    {
        await SeedAsync(First);
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(1, await MigrateCommand.RunAsync(First, _workspace!.SqliteFile(Path.Combine(".", "first.db")), 100, null, output, Ct));
        Assert.StartsWith("error: --from and --to name the same store", output.ToString(), StringComparison.Ordinal);
    }

    private static string Describe(UserAccount a) =>
        $"{a with { Roles = [], PasswordHistory = [], RecoveryCodeHashes = [] }} roles {string.Join(",", a.Roles)} history {string.Join(",", a.PasswordHistory)} codes {string.Join(",", a.RecoveryCodeHashes)}";

    /// <summary>Every row of a table in the neutral layout, rendered and sorted (engines order series ids differently).</summary>
    private static async Task<IReadOnlyList<string>> DumpAsync(CliStore store, string table)
    {
        IStoreExport export = store.Get<IStoreExport>();
        var rows = new List<string>();
        string? cursor = null;
        while (true)
        {
            TransferChunk chunk = await export.ReadAsync(table, cursor, 50, Ct);
            rows.AddRange(chunk.Rows.Select(r => string.Join(" | ", r.Select(Render))));
            if (chunk.Rows.Count < 50)
            {
                break;
            }

            cursor = chunk.Cursor;
        }

        // Kept ids are compared in place; generated ids and the order of series are the engines' own.
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static string Render(object? value) => value switch
    {
        null => "∅",
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        DateTime t => t.Kind + t.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static Alarm NewAlarm(string subject) => new()
    {
        RuleId = "so2", Kind = AlarmRuleKind.Exceedance, Subject = subject, SubjectName = "某电厂1号排口", Region = "510104",
        Enterprise = "某电厂", Parameter = ParameterCode.Parse("a21026"), Severity = AlarmSeverity.Warning, RaisedAt = T0,
        FirstPeriod = T0 - Duration.FromHours(3), LastPeriod = T0 - Duration.FromHours(1), Limit = 35m, Peak = 120.50m, Hits = 3,
        Evidence = """{"rule":{"id":"so2"},"values":[120.5]}""",
    };

    private static async Task SeedAsync(string path)
    {
        using CliStore store = await CliStore.OpenAsync(path, Ct);
        await store.Stations.UpsertAsync(
        [
            new Station { Id = Air, Name = "迁移站", Type = StationType.AirQuality, Region = RegionCode.Parse("510104"), Password = StationPassword.Plain("123456").Hash(StationPassword.MinIterations), Location = new GeoPoint(104.1, 30.6) },
            new Station { Id = Outlet, Name = "某电厂1号排口", Type = StationType.SurfaceWater, Region = RegionCode.Parse("510104"), Password = StationPassword.Plain("654321").Hash(StationPassword.MinIterations), WaterTargetClass = 3 },
        ], Ct);
        Observation[] hours = [.. Enumerable.Range(0, 6).Select(h => new Observation
        {
            Station = Air, Parameter = ParameterCode.Parse("a34004"), Interval = ObservationInterval.Hour, PeriodStart = T0 + Duration.FromHours(h),
            Value = 80m + (h / 10m), Min = h == 0 ? null : 0.001m, ReceivedAt = T0 + Duration.FromHours(h + 1),
        })];
        await store.Observations.AppendAsync(hours, Ct);
        await store.Observations.AppendAsync([hours[2] with { Value = 1.50m, Flag = DataFlag.Parse("D") }], Ct);
        var batch = new IngestBatch();
        batch.Frames.Add(new RawFrame { ReceivedAt = T0, Peer = "10.0.0.1:5000", StationId = "MIGA", Bytes = new byte[] { 1, 2, 3 }, Outcome = RawFrameOutcome.Accepted });
        batch.Frames.Add(new RawFrame { ReceivedAt = T0, Peer = "10.0.0.1:5000", Bytes = new byte[] { 9 }, Outcome = RawFrameOutcome.Rejected, Reason = "CrcMismatch" });
        batch.Packets.Add(new PacketId("MIGA", "20260301000000001", 1));
        await store.Ingest.CommitAsync(batch, Ct);
        await store.Evaluations.SaveHourlyAsync([new HourlyAqiRecord { Subject = EvaluationSubject.Of(Air), HourStart = T0, Pm25 = 80.1m, Aqi = 106, Primary = "PM2.5", Exceeding = "PM2.5" }], Ct);
        await store.Evaluations.SaveDailyAsync([new DailyAqiRecord { Subject = EvaluationSubject.Of(Air), Day = new LocalDate(2026, 3, 1), Pm25 = 80.1m, Co = 0.7m, IsValid = true, Aqi = 106, Primary = "PM2.5" }], Ct);
        await store.Get<IDustDayStore>().MarkAsync(new DustDay(RegionCode.Parse("510100"), new LocalDate(2026, 3, 1), "沙尘过境", "manager.sc", T0), Ct);
        await store.Get<IDustDayStore>().MarkAsync(new DustDay(RegionCode.Parse("510100"), new LocalDate(2026, 3, 2), "", "manager.sc", T0 + Duration.FromMinutes(1)), Ct);
        await store.Get<ITargetStore>().PutAsync(new RegionTargets(RegionCode.Parse("510100"), 2026, 35.5m, 85.2m, 3, null,
            [new SectionTargetClass(Outlet, 3)], "manager.sc", T0), Ct);
        await store.Evaluations.SaveWaterDaysAsync([new WaterDayRecord { Station = Outlet, Day = new LocalDate(2026, 3, 1), Means = [new WaterItemMean(ParameterCode.Parse("w21003"), 0.512m, 4)], Class = 3 }], Ct);

        await store.Get<ISuspicionStore>().SaveSuspicionsAsync(
        [
            new OutletSuspicion
            {
                Station = Outlet, Day = new LocalDate(2026, 3, 1), Score = 40, ValuesExamined = 1440, FramesExamined = 1450, ComputedAt = T0,
                Signs = [new SuspicionSign("fake.identical-run", 40, "SO2 = 25.0 for 150 minutes",
                    [new SuspicionEvidence(ParameterCode.Parse("a21026"), T0, T0 + Duration.FromMinutes(150), 150, "SO2 = 25.0 mg/m³ in 150 consecutive minute values")])],
            },
        ], Ct);
        await store.Get<IAlarmRuleStore>().UpsertRulesAsync([new StoredAlarmRule("so2", """{"id":"so2"}""", T0), new StoredAlarmRule("nox", """{"id":"nox"}""", T0)], Ct);
        await store.Get<IPermitLimitStore>().ReplacePermitLimitsAsync(Outlet,
            [new PermitLimit(Outlet, ParameterCode.Parse("a21026"), 35m, "915101000000000001"), new PermitLimit(Outlet, ParameterCode.Parse("a21002"), 50.5m, "915101000000000001")], Ct);
        await store.Quality.ReplaceFindingsAsync([new FindingsReplacement(Air, ObservationInterval.Hour, new Interval(T0, T0 + Duration.FromDays(1)),
        [
            new QualityFinding { Station = Air, Parameter = ParameterCode.Parse("a34004"), Interval = ObservationInterval.Hour, PeriodStart = T0, Rule = QualityRuleIds.Spike, Severity = QualitySeverity.Suspect, Reason = "突变 spike" },
            new QualityFinding { Station = Air, Parameter = ParameterCode.Parse("a34004"), Interval = ObservationInterval.Hour, PeriodStart = T0 + Duration.FromHours(1), Rule = QualityRuleIds.PhysicalRange, Severity = QualitySeverity.Invalid, Reason = "超量程" },
        ])], Ct);
        await store.Quality.SaveExclusionsAsync([new EvaluationExclusions(Air, new LocalDate(2026, 3, 1), new Dictionary<string, int> { ["flag.invalid"] = 1, ["range.physical"] = 2 })], Ct);

        await store.Audit.AppendAsync([new AuditRecord("admin", "station.created", "station", "MIGA"), new AuditRecord("admin", "station.created", "station", "MIGO")], Ct);

        // The retention pruned those two (entry 3 records it, audit_checkpoint holds where the chain starts).
        Assert.NotNull(await store.Audit.PruneAsync(SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(1), 2, Ct));
        await store.Get<IReviewStore>().DecideAsync(
        [
            new ReviewDecision
            {
                Station = Air, Interval = ObservationInterval.Hour, Periods = new Interval(T0, T0 + Duration.FromHours(2)), Verdict = ReviewVerdict.Invalid,
                ReasonCode = "maintenance", Comment = "更换采样管", Reviewer = "reviewer-1",
            },
            new ReviewDecision
            {
                Station = Air, Interval = ObservationInterval.Hour, Parameter = ParameterCode.Parse("a34004"), Periods = new Interval(T0 + Duration.FromHours(3), T0 + Duration.FromHours(4)),
                Verdict = ReviewVerdict.Valid, ReasonCode = "confirmed", Reviewer = "reviewer-2",
            },
        ], [new AuditRecord("reviewer-1", "review.marked", "observations", "a"), new AuditRecord("reviewer-2", "review.marked", "observations", "b")], Ct);

        IAlarmStore alarms = store.Get<IAlarmStore>();
        OutboxMessage message = new() { ChannelId = "hook", DedupKey = "raised:hook", Event = "raised", Payload = """{"subject":"MIGO"}""", CreatedAt = T0, NextAttemptAt = T0 };
        Alarm one = await alarms.SaveAsync(NewAlarm("MIGO"), new AlarmStep(0, T0, "system", "raised", AlarmState.Open, "{}"), [message], Ct);
        await alarms.SaveAsync(one with { State = AlarmState.Closed, ClosedAt = T0 + Duration.FromHours(1), IsActive = false }, new AlarmStep(0, T0 + Duration.FromHours(1), "zhang", "dismissed", AlarmState.Closed, """{"comment":"误报"}"""), [], Ct);
        await alarms.SaveAsync(NewAlarm("MIGP") with { RuleId = "nox", Deadline = T0 + Duration.FromDays(1), AssignedUnit = "成都市局" }, null, [], Ct);
        await alarms.SaveAsync(NewAlarm("MIGO") with { RaisedAt = T0 + Duration.FromHours(2), Recurrences = 1 }, new AlarmStep(0, T0 + Duration.FromHours(2), "system", "raised", AlarmState.Open, "{}"), [], Ct);
        OutboxMessage due = (await alarms.NotificationsAsync(one.Id, Ct))[0];
        await alarms.UpdateNotificationAsync(due with { Attempts = 2, Status = OutboxStatus.Pending, LastError = "连接超时", NextAttemptAt = T0 + Duration.FromMinutes(5) }, Ct);
        await store.Audit.AppendAsync([new AuditRecord("zhang", "alarm.dismissed", "alarm", "1") { Before = """{"state":"open"}""", After = """{"state":"closed"}""", Reason = "误报" }], Ct);

        store.Get<IDataProtectionKeyStore>().AddDataProtectionKey(new StoredDataProtectionKey("key-1f2e-9a", """<key id="1f2e" version="1"><encryptedSecret /></key>""", T0));
        await store.Get<IConsoleSessionStore>().CreateSessionAsync(new ConsoleSession
        {
            Id = new string('a', 64), User = "admin", Ticket = [1, 2, 3, 0, 255], CreatedAt = T0, LastSeenAt = T0 + Duration.FromMinutes(5), ExpiresAt = T0 + Duration.FromHours(8),
        }, Ct);
        IAccountStore accounts = store.Get<IAccountStore>();
        await accounts.CreateAsync(new UserAccount
        {
            UserName = "Zhang.Wei", DisplayName = "张伟", Roles = [Role.DataReviewer, Role.Manager], Jurisdiction = RegionCode.Parse("510100"),
            PasswordHash = "AQAAAAIAAYagAAAAEA==", PasswordHistory = ["AQAAAAIAAYagAAAAEB==", "AQAAAAIAAYagAAAAEC=="], PasswordChangedAt = T0,
            TotpSecret = "CfDJ8protected", TotpLastStep = 59_000_001, RecoveryCodeHashes = ["AQAAAAIAAYagAAAAED=="], CreatedAt = T0, CreatedBy = "set-up",
        }, Ct);
        await accounts.CreateAsync(new UserAccount
        {
            UserName = "audit", DisplayName = "审计员", Roles = [Role.AuditAdministrator], MustChangePassword = true, ExternalSubject = "https://idp.sc.gov.cn|4711",
            IsDisabled = true, LockedUntil = T0 + Duration.FromMinutes(15), FailedSignIns = 5, CreatedAt = T0, CreatedBy = "Zhang.Wei",
        }, Ct);
        IApiClientStore clients = store.Get<IApiClientStore>();
        await clients.CreateAsync(new ApiClient
        {
            Id = "water0000001", Name = "省水利厅水文数据交换", Owner = "省水利厅信息中心", Permissions = PermissionSet.Of(Permission.AlarmsRead, Permission.QualityRead),
            Jurisdiction = RegionCode.Parse("510000"), SecretHash = ApiClientKeys.Hash("s1"), RequestsPerSecond = 5, Burst = 20, CreatedAt = T0, CreatedBy = "sec",
            ExpiresAt = T0 + Duration.FromDays(365), LastUsedAt = T0 + Duration.FromMinutes(7),
        }, Ct);
        await clients.CreateAsync(new ApiClient
        {
            Id = "meteo0000002", Name = "省气象局", Owner = "省气象局", Permissions = PermissionSet.Of(Permission.ImportWrite), Jurisdiction = RegionCode.Parse("510100"),
            SecretHash = ApiClientKeys.Hash("s2"), RequestsPerSecond = 1, Burst = 1, CreatedAt = T0, CreatedBy = "sec", ExpiresAt = T0 + Duration.FromDays(30),
        }, Ct);
        await clients.RevokeAsync("meteo0000002", "sec", T0 + Duration.FromDays(1), Ct);
        // Two versions of one report and another report: ids, versions and bytes are copied (ADR 0038).
        IReportArchive reports = store.Get<IReportArchive>();
        await reports.StoreAsync(new NewReport(ReportKind.MonthlyAir, "510000", "2026-02", ReportFormat.Pdf, "a", T0, "system:schedule", [37, 80, 68, 70]), Ct);
        await reports.StoreAsync(new NewReport(ReportKind.MonthlyAir, "510000", "2026-02", ReportFormat.Pdf, "b", T0 + Duration.FromHours(1), "Zhang.Wei", [37, 80, 68, 71]), Ct);
        await reports.StoreAsync(new NewReport(ReportKind.DailyBulletin, "510100", "2026-03-01", ReportFormat.Docx, "c", T0, "system:schedule", [80, 75]), Ct);
        // The appends above left their station-days pending for every worker; the quality checks of one are set aside.
        await store.Get<IPendingWorkStore>().FailAsync(
            WorkKind.Quality, new WorkDay(Air, ObservationInterval.Hour, new LocalDate(2026, 3, 1)), "System.OverflowException: overflow", 1, T0, Ct);
    }
}
