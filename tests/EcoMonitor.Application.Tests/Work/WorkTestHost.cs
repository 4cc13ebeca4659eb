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

namespace EcoMonitor.Application.Tests.Work;

/// <summary>
/// The quality and evaluation workers on a real SQLite file, composed by their real registrations and started: tests
/// commit as the ingest writer does (the store records the changed station-days, the listeners hear the commit).
/// </summary>
internal sealed class WorkTestHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-work-").FullName;
    private readonly IHost _host;

    private WorkTestHost()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_directory, "store.db"),
            ["Quality:RulesFile"] = RepoFiles.Path("config/quality-rules.json"),
            ["Work:RetryDelay"] = "00:00:00.050",
            ["Work:CompletionInterval"] = "00:00:00.050",
        });
        builder.Services.AddSqliteStorage();
        builder.Services.AddSingleton<StationRegistry>();
        builder.Services.AddQualityChecks();
        builder.Services.AddAirEvaluation();
        _host = builder.Build();
    }

    public IPendingWorkStore Work => _host.Services.GetRequiredService<IPendingWorkStore>();

    public IQualityStore Quality => _host.Services.GetRequiredService<IQualityStore>();

    public IEvaluationStore Evaluations => _host.Services.GetRequiredService<IEvaluationStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Migrates, registers <paramref name="stations"/> and starts the workers.</summary>
    public static async Task<WorkTestHost> StartAsync(params Station[] stations)
    {
        var host = new WorkTestHost();
        await host._host.Services.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);
        await host._host.Services.GetRequiredService<StationRegistry>().UpsertAsync(stations, Ct);
        await host._host.StartAsync(Ct);
        return host;
    }

    /// <summary>One commit, as the ingest writer makes it: the observations with their station-days, then every listener.</summary>
    public async Task CommitAsync(params Observation[] observations)
    {
        List<DayChange> changes = [];
        await _host.Services.GetRequiredService<IObservationStore>().AppendAsync(observations, changes, null, Ct);
        foreach (IObservationCommitListener listener in _host.Services.GetServices<IObservationCommitListener>())
        {
            listener.OnCommitted(observations, null, changes);
        }
    }

    /// <summary>Asks until <paramref name="probe"/> gives something (at most 30 s).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
