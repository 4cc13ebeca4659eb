using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Sqlite;
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
    private readonly List<ServiceProvider> _opened = [];
    private ServiceProvider _services;

    private TestStores(string provider, string directory)
    {
        _provider = provider;
        _directory = directory;
        _services = Open();
    }

    public IStoreSchema Schema => _services.GetRequiredService<IStoreSchema>();

    public IStationStore Stations => _services.GetRequiredService<IStationStore>();

    public IObservationStore Observations => _services.GetRequiredService<IObservationStore>();

    public IRawFrameArchive Frames => _services.GetRequiredService<IRawFrameArchive>();

    public IIngestStore Ingest => _services.GetRequiredService<IIngestStore>();

    public IEvaluationStore Evaluations => _services.GetRequiredService<IEvaluationStore>();

    public IAlarmStore Alarms => _services.GetRequiredService<IAlarmStore>();

    public IAlarmRuleStore AlarmRules => _services.GetRequiredService<IAlarmRuleStore>();

    public IPermitLimitStore PermitLimits => _services.GetRequiredService<IPermitLimitStore>();

    /// <summary>Creates and migrates an empty database of <paramref name="provider"/>.</summary>
    public static async Task<TestStores> CreateAsync(string provider)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ecomonitor-tests", Guid.NewGuid().ToString("N"));
        var stores = new TestStores(provider, directory);
        await stores.Schema.MigrateAsync(TestContext.Current.CancellationToken);
        return stores;
    }

    /// <summary>Closes every connection to the database and opens it again (what a restart does).</summary>
    public async Task ReopenAsync()
    {
        await _services.DisposeAsync();
        _opened.Remove(_services);
        _services = Open();
        await Schema.MigrateAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A second, independent store set on the same database (another process would see the same).</summary>
    public IObservationStore OpenSecondObservationStore() => Open().GetRequiredService<IObservationStore>();

    public async ValueTask DisposeAsync()
    {
        foreach (ServiceProvider services in _opened)
        {
            await services.DisposeAsync();
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
                settings["Storage:Sqlite:Path"] = Path.Combine(_directory, "store.db");
                services.AddSqliteStorage();
                break;
            default:
                throw new InvalidOperationException($"Unknown store provider {_provider}.");
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
