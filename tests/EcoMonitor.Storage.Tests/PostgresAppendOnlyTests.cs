using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using EcoMonitor.Testing;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// What the PostgreSQL engine adds to the audit, review and alarm contracts: the append-only tables refuse changes
/// made in SQL behind the store's back, and two nodes on one database write one audit chain and one open alarm.
/// </summary>
[Trait("Area", "Postgres")]
public sealed class PostgresAppendOnlyTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("UPDATE audit_entry SET actor = 'x' WHERE sequence = 1;")]
    [InlineData("DELETE FROM audit_entry WHERE sequence = 2;")]
    [InlineData("TRUNCATE audit_entry CASCADE;")]
    [InlineData("UPDATE review_decision SET validity = 'valid';")]
    [InlineData("DELETE FROM review_decision;")]
    [InlineData("TRUNCATE review_decision;")]
    [InlineData("UPDATE alarm_step SET actor = 'x';")]
    [InlineData("DELETE FROM alarm_step;")]
    [InlineData("TRUNCATE alarm_step;")]
    public async Task AppendOnlyTables_RefuseChangesInSql(string sql)
    {
        await using TestStores stores = await CreateAsync();
        await FillAsync(stores);

        PostgresException refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(stores, sql));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3, verification.EntriesChecked);
        Assert.Single(await stores.Alarms.TimelineAsync(1, Ct));
    }

    [Fact]
    public async Task AlarmEvidence_IsFrozenInSql()
    {
        await using TestStores stores = await CreateAsync();
        await FillAsync(stores);

        PostgresException refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(stores, "UPDATE alarm SET evidence = '{}';"));

        Assert.Contains("frozen", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoNodes_AppendingAndDecidingConcurrently_WriteOneUnbrokenChain()
    {
        await using TestStores stores = await CreateAsync();
        IAuditLog other = stores.OpenSecond<IAuditLog>();
        IReviewStore otherReviews = stores.OpenSecond<IReviewStore>();

        await Task.WhenAll(Enumerable.Range(0, 15).SelectMany(i => new Task[]
        {
            stores.Audit.AppendAsync([Record("a" + i), Record("b" + i)], Ct),
            other.AppendAsync([Record("c" + i)], Ct),
            otherReviews.DecideAsync([Decision(i)], [Record("r" + i)], Ct),
        }));

        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(60, verification.EntriesChecked);
        IReadOnlyList<ReviewDecision> decisions = await stores.Reviews.QueryDecisionsAsync(
            Station, ObservationInterval.Hour, new Interval(T0 - Duration.FromDays(1), T0 + Duration.FromDays(2)), Ct);
        Assert.Equal(15, decisions.Count);
        IReadOnlyList<AuditEntry> trail = await stores.Audit.ReadAsync(0, 100, Ct);
        Assert.All(decisions, d => Assert.Equal("r", trail.Single(e => e.Sequence == d.AuditSequence).SubjectId[..1]));
    }

    [Fact]
    public async Task TwoNodes_RaisingTheSameAlarmAtOnce_OneWinsTheOtherConflicts()
    {
        await using TestStores stores = await CreateAsync();
        IAlarmStore[] nodes = [stores.Alarms, stores.OpenSecond<IAlarmStore>(), stores.OpenSecond<IAlarmStore>(), stores.OpenSecond<IAlarmStore>()];

        Task<Alarm>[] attempts = [.. nodes.Select(n => n.SaveAsync(NewAlarm(), Step(), [], Ct))];
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (AlarmConflictException)
        {
            // expected for all but one; inspected below.
        }

        Assert.Equal(1, attempts.Count(a => a.IsCompletedSuccessfully));
        foreach (Task<Alarm> refused in attempts.Where(a => !a.IsCompletedSuccessfully))
        {
            Assert.IsType<AlarmConflictException>(refused.Exception!.InnerException);
        }

        Assert.Single(await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, IsOpen = true }, Ct));
    }

    private static StationId Station { get; } = StationId.Parse("PGAPPEND01");

    private static async Task<TestStores> CreateAsync()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        return await TestStores.CreateAsync(StoreProviders.Postgres);
    }

    private static async Task FillAsync(TestStores stores)
    {
        await stores.Audit.AppendAsync([Record("a"), Record("b")], Ct);
        await stores.Reviews.DecideAsync([Decision(0)], [Record("r")], Ct);
        await stores.Alarms.SaveAsync(NewAlarm(), Step(), [], Ct);
    }

    private static async Task ExecuteAsync(TestStores stores, string sql)
    {
        await using var connection = new NpgsqlConnection(stores.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static AuditRecord Record(string subjectId) => new("tester", "review.marked", "observations", subjectId) { Reason = "测试" };

    private static ReviewDecision Decision(int hour) => new()
    {
        Station = Station, Interval = ObservationInterval.Hour, Periods = new Interval(T0 + Duration.FromHours(hour), T0 + Duration.FromHours(hour + 1)),
        Verdict = ReviewVerdict.Invalid, ReasonCode = "maintenance", Reviewer = "reviewer-1",
    };

    private static Alarm NewAlarm() => new()
    {
        RuleId = "so2", Kind = AlarmRuleKind.Exceedance, Subject = "OUT001", SubjectName = "某电厂1号排口", Region = "510104",
        Severity = AlarmSeverity.Warning, RaisedAt = T0, FirstPeriod = T0, LastPeriod = T0, Hits = 1, Evidence = """{"values":[120.5]}""",
    };

    private static AlarmStep Step() => new(0, T0, "system", "raised", AlarmState.Open, "{}");
}
