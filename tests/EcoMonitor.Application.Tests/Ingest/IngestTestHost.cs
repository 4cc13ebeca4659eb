using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace EcoMonitor.Application.Tests.Ingest;

/// <summary>
/// A real host composed like the server's (SQLite store on a temp file, ingest pipeline and writer), not started
/// until the test says so. Deletes its files when disposed.
/// </summary>
internal sealed class IngestTestHost : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ecomonitor-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IHost> _hosts = [];
    private readonly IHost _host;
    private bool _isStarted;

    public IngestTestHost(int capacity = 1_000, int busyTimeoutSeconds = 30)
    {
        DatabasePath = Path.Combine(_directory, "store.db");
        _host = Build(new Dictionary<string, string?>
        {
            ["Ingest:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Sqlite:BusyTimeoutSeconds"] = busyTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public string DatabasePath { get; }

    public IngestPipeline Pipeline => _host.Services.GetRequiredService<IngestPipeline>();

    public IngestCounters Counters => _host.Services.GetRequiredService<IngestCounters>();

    public IRawFrameArchive Frames => _host.Services.GetRequiredService<IRawFrameArchive>();

    public IObservationStore Observations => _host.Services.GetRequiredService<IObservationStore>();

    public IStoreSchema Schema => _host.Services.GetRequiredService<IStoreSchema>();

    public async Task StartAsync()
    {
        await _host.StartAsync(TestContext.Current.CancellationToken);
        _isStarted = true;
    }

    public async Task StopAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        _isStarted = false;
    }

    /// <summary>An observation store of a second host on the same file: sees only what was committed.</summary>
    public IObservationStore OpenSecondObservationStore() =>
        Build([]).Services.GetRequiredService<IObservationStore>();

    public static ObservationQuery AllHours(StationId station) => new()
    {
        Station = station,
        Interval = ObservationInterval.Hour,
        From = Some.Hour0,
        To = Some.Hour0 + Duration.FromDays(1),
    };

    public async ValueTask DisposeAsync()
    {
        if (_isStarted)
        {
            await _host.StopAsync(CancellationToken.None);
        }

        foreach (IHost host in _hosts)
        {
            host.Dispose();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        settings["Storage:Sqlite:Path"] = DatabasePath;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSqliteStorage();
        builder.Services.AddIngestPipeline();
        IHost host = builder.Build();
        _hosts.Add(host);
        return host;
    }
}
