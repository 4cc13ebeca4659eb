using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Storage.Transfer;
using EcoMonitor.Storage.Postgres;
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

    /// <summary>Any contract the store registers (e.g. <see cref="IStoreExport"/>, <see cref="IStoreImport"/>).</summary>
    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public IIngestStore Ingest => _host.Services.GetRequiredService<IIngestStore>();

    public IRawFrameArchive Frames => _host.Services.GetRequiredService<IRawFrameArchive>();

    /// <summary>
    /// True when <paramref name="database"/> is a PostgreSQL connection string (<c>Host=…;Database=…</c>) rather than
    /// the path of a SQLite file.
    /// </summary>
    public static bool IsPostgres(string database) => database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens (creating and migrating if needed) the store named by <paramref name="database"/>: a PostgreSQL
    /// connection string (see <see cref="IsPostgres"/>) or the path of a SQLite file.
    /// </summary>
    public static Task<CliStore> OpenAsync(string database, CancellationToken cancellationToken) => OpenAsync(database, null, cancellationToken);

    /// <summary>As <see cref="OpenAsync(string, CancellationToken)"/>, with more services composed by <paramref name="configure"/> (none is started).</summary>
    public static async Task<CliStore> OpenAsync(string database, Action<HostApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        if (IsPostgres(database))
        {
            builder.Configuration["Storage:Postgres:ConnectionString"] = database;
            builder.Services.AddPostgresStorage();
        }
        else
        {
            builder.Configuration["Storage:Sqlite:Path"] = database;
            builder.Services.AddSqliteStorage();
        }

        configure?.Invoke(builder);
        IHost host = builder.Build();
        await host.Services.GetRequiredService<IStoreSchema>().MigrateAsync(cancellationToken);
        return new CliStore(host);
    }

    public void Dispose() => _host.Dispose();
}
