using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoMonitor.Cli;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Web.Tests.Work;

/// <summary>
/// A real host (<see cref="ApiFactory"/>, real Kestrel, a SQLite file or a PostgreSQL database) for the durable-work tests,
/// with an alarm rule (PM2.5 above 150 at any air station), short retry delays, and the store reachable as the CLI
/// reaches it (<see cref="StoreDirectlyAsync"/>: values committed by another process, no worker of this host hears of them).
/// </summary>
internal sealed class WorkHost : IAsyncDisposable
{
    public const string Mn = "1431A";

    /// <summary>2026-03-02 00:00 China Standard Time.</summary>
    public static readonly Instant Day = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 2, 0, 0));

    private static readonly ParameterCode Pm25 = ParameterCode.Parse("a34004");
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-work-").FullName;
    private readonly string? _postgres;

    private WorkHost(IReadOnlyDictionary<string, string?> settings, string? postgres)
    {
        _postgres = postgres;
        string rules = Path.Combine(_directory, "alarm-rules.json");
        File.WriteAllText(rules, """
            { "rules": [ { "id": "pm25-high", "name": "PM2.5 超 150", "kind": "exceedance", "stationType": "airQuality", "parameter": "a34004", "limit": 150 } ] }
            """);
        var all = new Dictionary<string, string?>
        {
            ["Alarms:RulesFile"] = rules,
            ["Work:RetryDelay"] = "00:00:00.200",
            ["Work:MaxRetryDelay"] = "00:00:01",
            ["Work:CompletionInterval"] = "00:00:00.200",
        };
        if (postgres is not null)
        {
            all["Storage:Provider"] = "Postgres";
            all["Storage:Postgres:ConnectionString"] = postgres;
        }
        else
        {
            // In this host's directory, not the factory's: the file outlives a stopped server (a restart opens it again).
            all["Storage:Sqlite:Path"] = Path.Combine(_directory, "ecomonitor.db");
        }

        foreach (KeyValuePair<string, string?> setting in settings)
        {
            all[setting.Key] = setting.Value;
        }

        Api = ApiFactory.With(all);
    }

    public ApiFactory Api { get; }

    /// <summary>The store as the CLI opens it: the SQLite file or the PostgreSQL connection string.</summary>
    public string Database => _postgres ?? Api.DatabasePath;

    /// <summary>Stops the server (as a crash would, its workers' memory is gone; the store stays).</summary>
    public async Task StopAsync()
    {
        await Api.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A host on SQLite, or on a fresh PostgreSQL database (null when no server can be had here; the test then skips).</summary>
    public static async Task<WorkHost> CreateAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        string? postgres = null;
        if (provider == "Postgres")
        {
            Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
            postgres = await (await PostgresTestServer.GetAsync()).CreateDatabaseAsync(Ct);
        }

        return new WorkHost(settings ?? new Dictionary<string, string?>(), postgres);
    }

    /// <summary>This host's settings for a server process of its own (<see cref="Nodes.ServerNode"/>) on the same store.</summary>
    public IReadOnlyDictionary<string, string> NodeSettings() => new Dictionary<string, string>
    {
        ["Storage:Provider"] = _postgres is null ? "Sqlite" : "Postgres",
        [_postgres is null ? "Storage:Sqlite:Path" : "Storage:Postgres:ConnectionString"] = Database,
        ["Alarms:RulesFile"] = Path.Combine(_directory, "alarm-rules.json"),
        ["Work:RetryDelay"] = "00:00:00.200",
        ["Work:MaxRetryDelay"] = "00:00:01",
        ["Work:CompletionInterval"] = "00:00:00.200",
    };

    /// <summary>Starts the server (its workers take up what the store holds).</summary>
    public void Start() => _ = Api.Client;

    /// <summary>Commits observations as <c>ecomon import</c> does while no server runs, or from another process: no worker of this host hears of them.</summary>
    public async Task StoreDirectlyAsync(params Observation[] observations)
    {
        using (CliStore store = await CliStore.OpenAsync(Database, Ct))
        {
            await store.Observations.AppendAsync(observations, Ct);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The test day's hourly PM2.5 of <see cref="Mn"/>: 30 + h, except −50 at 05:00 and 200 at 10:00.</summary>
    public static Observation[] DayOfPm25() => [.. Enumerable.Range(0, 24).Select(h => Pm25At(Day + Duration.FromHours(h), h switch { 5 => -50m, 10 => 200m, _ => 30m + h }))];

    /// <summary>The same day as a CSV import body.</summary>
    public static string DayOfPm25Csv()
    {
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        foreach (Observation o in DayOfPm25())
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Mn},a34004,hour,{ChinaTime.ToOffsetDateTime(o.PeriodStart):uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>},{o.Value},N\n");
        }

        return csv.ToString();
    }

    public static Observation Pm25At(Instant periodStart, decimal value) => new()
    {
        Station = StationId.Parse(Mn), Parameter = Pm25, Interval = ObservationInterval.Hour, PeriodStart = periodStart, Value = value,
        ReceivedAt = Instant.FromUtc(2026, 3, 3, 0, 0),
    };

    /// <summary>GET with the administrator key; the answer must be a success.</summary>
    public Task<JsonElement> GetJsonAsync(string path) => Api.StaffJsonAsync(path);

    /// <summary>Asks until <paramref name="isDone"/> holds (a background worker's result), at most <paramref name="seconds"/>; returns the last answer.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> isDone, int seconds = 60)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            JsonElement result = await GetJsonAsync(path);
            if (isDone(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The quality findings of the test day.</summary>
    public async Task<JsonElement[]> FindingsAsync(Func<JsonElement[], bool> isDone) =>
        [.. (await WaitForAsync($"/api/v1/stations/{Mn}/quality?from=2026-03-02&to=2026-03-03",
            q => isDone([.. q.GetProperty("findings").EnumerateArray()]))).GetProperty("findings").EnumerateArray()];

    public static bool HasFinding(JsonElement[] findings, string rule, string periodStart) =>
        findings.Any(f => f.GetProperty("rule").GetString() == rule && f.GetProperty("periodStart").GetString() == periodStart);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (_postgres is not null)
        {
            await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(_postgres);
        }

        Directory.Delete(_directory, recursive: true);
    }
}
