using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>
/// The alarm runtime on a real SQLite file with a <see cref="FakeTimeProvider"/>, composed by the real registrations
/// but not started: tests drive the engine (as <c>AlarmWorker</c> does) and commit observations as the ingest writer does.
/// </summary>
internal sealed class AlarmTestHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-alarm-engine-").FullName;
    private readonly IHost _host;
    private bool _isStarted;

    private AlarmTestHost(string rulesJson, string? database = null)
    {
        DatabasePath = database ?? Path.Combine(_directory, "store.db");
        string rules = Path.Combine(_directory, "alarm-rules.json");
        File.WriteAllText(rules, rulesJson);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Alarms:RulesFile"] = rules,
        });
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSqliteStorage();
        builder.Services.AddSingleton<StationRegistry>();
        builder.Services.AddAlarms();
        builder.Services.AddSingleton<ReviewService>();
        _host = builder.Build();
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    public AlarmEngine Engine => _host.Services.GetRequiredService<AlarmEngine>();

    public AlarmBacklog Backlog => _host.Services.GetRequiredService<AlarmBacklog>();

    public IAlarmStore Alarms => _host.Services.GetRequiredService<IAlarmStore>();

    public IEvaluationStore Evaluations => _host.Services.GetRequiredService<IEvaluationStore>();

    public IPendingWorkStore Work => _host.Services.GetRequiredService<IPendingWorkStore>();

    public AlarmWorkflowService Workflow => _host.Services.GetRequiredService<AlarmWorkflowService>();

    public AlarmRuleSet Rules => _host.Services.GetRequiredService<AlarmRuleSet>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<AlarmTestHost> StartAsync(string rulesJson, params Station[] stations) => StartAsync(new AlarmTestHost(rulesJson), stations);

    /// <summary>A second node on this host's database (its own engine, backlog and clock, started at the same time).</summary>
    public Task<AlarmTestHost> SecondNodeAsync(string rulesJson, params Station[] stations) => StartAsync(new AlarmTestHost(rulesJson, DatabasePath), stations);

    private static async Task<AlarmTestHost> StartAsync(AlarmTestHost host, Station[] stations)
    {
        await host._host.Services.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);
        StationRegistry registry = host._host.Services.GetRequiredService<StationRegistry>();
        await registry.UpsertAsync(stations, Ct);
        await host._host.Services.GetRequiredService<AlarmRuleSet>().LoadAsync(Ct);
        await host.Engine.LoadActiveAsync(Ct);
        return host;
    }

    /// <summary>Stores observations and tells the backlog, as the ingest writer does; then runs the engine on what was queued.</summary>
    public async Task CommitAsync(params Observation[] observations)
    {
        List<DayChange> changes = [];
        await _host.Services.GetRequiredService<IObservationStore>().AppendAsync(observations, changes, null, Ct);
        Backlog.OnCommitted(observations, null, changes);
        if (Backlog.PendingCount > 0)
        {
            await Engine.ProcessAsync((await Backlog.Queue.TakeAllAsync(Ct)).Items, Ct);
        }
    }

    /// <summary>Stores observations without telling this node's backlog (values another node committed).</summary>
    public async Task StoreOnlyAsync(params Observation[] observations) =>
        await _host.Services.GetRequiredService<IObservationStore>().AppendAsync(observations, Ct);

    /// <summary>Stores a reviewer's decision through <see cref="ReviewService"/> (as the API does); then runs the engine's review pass, as the worker does.</summary>
    public async Task ReviewAsync(ReviewRequest request, string reviewer = "reviewer")
    {
        await DecideOnlyAsync(request, reviewer);
        Assert.True(Backlog.TakeReviewSignal());
        Assert.True(await Engine.ProcessReviewsAsync(Ct));
    }

    /// <summary>Stores a reviewer's decision through <see cref="ReviewService"/> without running the engine (the worker is not running, or the node stops before its pass).</summary>
    public async Task<ReviewDecision> DecideOnlyAsync(ReviewRequest request, string reviewer = "reviewer") =>
        Assert.Single(await _host.Services.GetRequiredService<ReviewService>().DecideAsync([request], reviewer, Ct));

    /// <summary>Starts the host's hosted services: the real <c>AlarmWorker</c> (and the notification dispatcher) run from now on.</summary>
    public async Task StartWorkerAsync()
    {
        await _host.StartAsync(Ct);
        _isStarted = true;
    }

    public async Task<IReadOnlyList<Alarm>> AllAlarmsAsync() => await Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything }, Ct);

    public async ValueTask DisposeAsync()
    {
        if (_isStarted)
        {
            await _host.StopAsync(CancellationToken.None);
        }

        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        Directory.Delete(_directory, recursive: true);
    }
}
