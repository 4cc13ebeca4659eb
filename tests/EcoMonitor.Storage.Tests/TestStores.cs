using EcoMonitor.Application.Reports;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Targets;
using EcoMonitor.Application.Work;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Storage.Sqlite;
using EcoMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// A fresh, migrated store set of one provider for one test, built through the provider's public registration,
/// and deleted when disposed. Adding an engine is one branch in <see cref="Configure"/>.
/// </summary>
public sealed class TestStores : IAsyncDisposable
{
    private readonly string _provider;
    private readonly string _directory;
    private readonly string? _postgres;
    private readonly List<ServiceProvider> _opened = [];
    private ServiceProvider _services;

    private TestStores(string provider, string directory, string? postgres)
    {
        _provider = provider;
        _directory = directory;
        _postgres = postgres;
        _services = Open();
    }

    /// <summary>The database file of the SQLite engine (engine-specific tests open it directly).</summary>
    public string SqliteFile => _provider == StoreProviders.Sqlite
        ? Path.Combine(_directory, "store.db")
        : throw new InvalidOperationException($"{_provider} has no database file.");

    /// <summary>The connection string of the PostgreSQL engine's database (engine-specific tests open it directly).</summary>
    public string PostgresConnectionString => _postgres ?? throw new InvalidOperationException($"{_provider} has no PostgreSQL database.");

    public IStoreSchema Schema => _services.GetRequiredService<IStoreSchema>();

    public IStoreHealth Health => _services.GetRequiredService<IStoreHealth>();

    public IStationStore Stations => _services.GetRequiredService<IStationStore>();

    public IObservationStore Observations => _services.GetRequiredService<IObservationStore>();

    public IRawFrameArchive Frames => _services.GetRequiredService<IRawFrameArchive>();

    public IIngestStore Ingest => _services.GetRequiredService<IIngestStore>();

    public IEvaluationStore Evaluations => _services.GetRequiredService<IEvaluationStore>();

    public IClusterLock ClusterLock => _services.GetRequiredService<IClusterLock>();

    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>();

    public IQualityStore Quality => _services.GetRequiredService<IQualityStore>();

    public IReviewStore Reviews => _services.GetRequiredService<IReviewStore>();

    public IAlarmStore Alarms => _services.GetRequiredService<IAlarmStore>();

    public IAlarmRuleStore AlarmRules => _services.GetRequiredService<IAlarmRuleStore>();

    public IPermitLimitStore PermitLimits => _services.GetRequiredService<IPermitLimitStore>();

    public ISuspicionStore Suspicions => _services.GetRequiredService<ISuspicionStore>();

    public IConsoleSessionStore Sessions => _services.GetRequiredService<IConsoleSessionStore>();

    public IDataProtectionKeyStore DataProtectionKeys => _services.GetRequiredService<IDataProtectionKeyStore>();
    public IPendingWorkStore Work => _services.GetRequiredService<IPendingWorkStore>();

    public IScheduledRunStore ScheduledRuns => _services.GetRequiredService<IScheduledRunStore>();

    public IAccountStore Accounts => _services.GetRequiredService<IAccountStore>();

    public IApiClientStore ApiClients => _services.GetRequiredService<IApiClientStore>();

    public IDustDayStore DustDays => _services.GetRequiredService<IDustDayStore>();

    public ITargetStore Targets => _services.GetRequiredService<ITargetStore>();

    public IReportArchive Reports => _services.GetRequiredService<IReportArchive>();

    /// <summary>Creates and migrates an empty database of <paramref name="provider"/>.</summary>
    public static async Task<TestStores> CreateAsync(string provider)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ecomonitor-tests", Guid.NewGuid().ToString("N"));
        string? postgres = null;
        if (provider == StoreProviders.Postgres)
        {
            if (PostgresTestServer.UnavailableReason is { } reason)
            {
                // Only reached on CI (locally the row is skipped): a missing server must fail the run.
                throw new InvalidOperationException("CI=true but " + reason);
            }

            PostgresTestServer server = await PostgresTestServer.GetAsync();
            postgres = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        }

        var stores = new TestStores(provider, directory, postgres);
        await stores.Schema.MigrateAsync(TestContext.Current.CancellationToken);
        return stores;
    }

    /// <summary>Closes every connection to the database and opens it again (what a restart does).</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        _services = Open();
        await Schema.MigrateAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Closes every connection of the current store set (the file is then complete and unlocked); call <see cref="ReopenAsync"/> after.</summary>
    public async Task CloseAsync()
    {
        if (!_opened.Contains(_services))
        {
            return;
        }

        await _services.DisposeAsync();
        _opened.Remove(_services);
    }

    /// <summary>A second, independent store set on the same database (another process would see the same).</summary>
    public IObservationStore OpenSecondObservationStore() => OpenSecond<IObservationStore>();

    /// <summary>One contract of a second, independent store set on the same database (another node).</summary>
    public T OpenSecond<T>()
        where T : notnull => Open().GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        foreach (ServiceProvider services in _opened)
        {
            await services.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(_postgres);
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private ServiceProvider Open()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        Configure(services, new Dictionary<string, string?>());
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _opened.Add(provider);
        return provider;
    }

    private void Configure(ServiceCollection services, Dictionary<string, string?> settings)
    {
        switch (_provider)
        {
            case StoreProviders.Sqlite:
                settings["Storage:Sqlite:Path"] = SqliteFile;
                services.AddSqliteStorage();
                break;
            case StoreProviders.Postgres:
                settings["Storage:Postgres:ConnectionString"] = _postgres;
                services.AddPostgresStorage();
                break;
            default:
                throw new InvalidOperationException($"Unknown store provider {_provider}.");
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
