using System.Globalization;
using EcoMonitor.Application.Audit;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using EcoMonitor.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Cli.Tests.Commands;

/// <summary>
/// <c>ecomon quality recheck</c> on a real SQLite store: a rules change (PM2.5 maximum 1000 → 2000 µg/m³) removes a stored
/// finding, adds none, and the change is in the audit trail; a second run changes nothing and records nothing.
/// </summary>
[Trait("Area", "Quality")]
public sealed class QualityCommandTests : IDisposable
{
    private static readonly StationId Station = StationId.Parse("1431A");
    private static readonly ParameterCode Pm25 = ParameterCode.Parse("a34004");
    private static readonly Instant Day = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 2, 0, 0));
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-recheck-").FullName;

    private string Database => Path.Combine(_directory, "store.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RuleChange_Recheck_ReplacesFindings_AndRecordsTheChange()
    {
        await SeedAsync();
        string shipped = RepoFiles.Path("config/quality-rules.json");
        string relaxed = Path.Combine(_directory, "relaxed.json");
        await File.WriteAllTextAsync(relaxed, (await File.ReadAllTextAsync(shipped, Ct)).Replace(
            "\"a34004\": { \"name\": \"PM2.5\", \"unit\": \"µg/m³\", \"min\": 0, \"max\": 1000,", "\"a34004\": { \"name\": \"PM2.5\", \"unit\": \"µg/m³\", \"min\": 0, \"max\": 2000,", StringComparison.Ordinal), Ct);
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(0, await QualityCommand.RecheckAsync(Database, shipped, "2026-03-02", "2026-03-02", "1431A", output, Ct));
        IReadOnlyList<QualityFinding> first = await FindingsAsync();
        Assert.Contains($"rechecked 1 station-days: 1 ranges changed (+{first.Count} / -0 findings)", output.ToString(), StringComparison.Ordinal);
        Assert.Single(first, f => f.Rule == QualityRuleIds.PhysicalRange && f.PeriodStart == Day + Duration.FromHours(5));
        Assert.Contains(first, f => f.Rule == QualityRuleIds.Spike);           // the spike stays under the relaxed rules

        Assert.Equal(0, await QualityCommand.RecheckAsync(Database, relaxed, "2026-03-02", "2026-03-02", null, output, Ct));
        Assert.Contains("rechecked 1 station-days: 1 ranges changed (+0 / -1 findings)", output.ToString(), StringComparison.Ordinal);
        IReadOnlyList<QualityFinding> second = await FindingsAsync();
        Assert.Equal(first.Where(f => f.Rule != QualityRuleIds.PhysicalRange), second);

        Assert.Equal(0, await QualityCommand.RecheckAsync(Database, relaxed, "2026-03-02", "2026-03-02", null, output, Ct));
        Assert.EndsWith("rechecked 1 station-days: 0 ranges changed (+0 / -0 findings), 0 outlet-days rescored; changes recorded in the audit trail" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);

        using CliStore store = await CliStore.OpenAsync(Database, Ct);
        IReadOnlyList<AuditEntry> entries = await store.Audit.QueryAsync(new AuditQuery { SubjectType = "observations", SubjectId = "1431A/hour/2026-03-02", Limit = 10 }, Ct);
        Assert.Equal(2, entries.Count);
        AuditEntry latest = entries[0];
        Assert.Equal("quality.rechecked", latest.Action);
        Assert.Equal(QualityCommand.Actor, latest.Actor);
        Assert.Contains("\"removed\":1", latest.Before, StringComparison.Ordinal);
        Assert.Contains("PM2.5 = 1500", latest.Before, StringComparison.Ordinal);
        Assert.Contains("\"added\":0", latest.After, StringComparison.Ordinal);
        Assert.Equal(0, await AuditCommand.VerifyAsync(Database, null, json: false, output, Ct));
    }

    [Fact]
    public async Task BadArguments_ExitOne_WithAReason()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        string rules = RepoFiles.Path("config/quality-rules.json");

        Assert.Equal(1, await QualityCommand.RecheckAsync(Database, rules, "2026-03-05", "2026-03-01", null, output, Ct));
        Assert.Equal(1, await QualityCommand.RecheckAsync(Database, rules, "2026-03-01", "2026-03-02", null, output, Ct));
        await SeedAsync();
        Assert.Equal(1, await QualityCommand.RecheckAsync(Database, rules, "2026-03-01", "2026-03-02", "NOPE9", output, Ct));
        string text = output.ToString();
        Assert.Contains("from ≤ to", text, StringComparison.Ordinal);
        Assert.Contains("no store", text, StringComparison.Ordinal);
        Assert.Contains("station 'NOPE9' is not registered", text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<QualityFinding>> FindingsAsync()
    {
        using CliStore store = await CliStore.OpenAsync(Database, Ct);
        return await store.Quality.QueryFindingsAsync(Station, ObservationInterval.Hour, new Interval(Day, Day + Duration.FromDays(1)), QualitySeverity.Marked, Ct);
    }

    private async Task SeedAsync()
    {
        using CliStore store = await CliStore.OpenAsync(Database, Ct);
        await store.Stations.UpsertAsync([new Station { Id = Station, Name = "金泉两河", Type = StationType.AirQuality, Region = RegionCode.Parse("510106"), Password = StationPassword.Plain("secret").Hash(StationPassword.MinIterations) }], Ct);
        var values = new List<Observation>();
        for (int h = 0; h < 24; h++)
        {
            values.Add(new Observation
            {
                Station = Station, Parameter = Pm25, Interval = ObservationInterval.Hour, PeriodStart = Day + Duration.FromHours(h),
                Value = h == 5 ? 1500m : 20m + h, ReceivedAt = Day + Duration.FromHours(h + 1),
            });
        }

        await store.Observations.AppendAsync(values, Ct);
    }
}
