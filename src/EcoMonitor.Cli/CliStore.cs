using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Cli;

/// <summary>
/// The store as the command line uses it: composed like the server (the only place the CLI touches Storage.*),
/// migrated on open, without starting any background service.
/// </summary>
internal sealed class CliStore : IDisposable
{
    private readonly IHost _host;

    private CliStore(IHost host) => _host = host;

    public IStationStore Stations => _host.Services.GetRequiredService<IStationStore>();

    public IObservationStore Observations => _host.Services.GetRequiredService<IObservationStore>();

    public IEvaluationStore Evaluations => _host.Services.GetRequiredService<IEvaluationStore>();

    public IAuditLog Audit => _host.Services.GetRequiredService<IAuditLog>();

    public IQualityStore Quality => _host.Services.GetRequiredService<IQualityStore>();

    /// <summary>Opens (creating if needed) the SQLite store at <paramref name="path"/>.</summary>
    public static async Task<CliStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Storage:Sqlite:Path"] = path;
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSqliteStorage();
        IHost host = builder.Build();
        await host.Services.GetRequiredService<IStoreSchema>().MigrateAsync(cancellationToken);
        return new CliStore(host);
    }

    public void Dispose() => _host.Dispose();
}
