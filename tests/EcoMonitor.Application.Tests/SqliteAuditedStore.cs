using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Application.Tests;

/// <summary>
/// A real, migrated SQLite store with the audit trail in a folder of its own, for the tests of use cases that store
/// and record (<see cref="Get{T}"/> any store contract or <see cref="IAuditTrail"/>); deleted when disposed.
/// </summary>
internal sealed class SqliteAuditedStore : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _services;

    private SqliteAuditedStore(string directory, ServiceProvider services)
    {
        _directory = directory;
        _services = services;
    }

    /// <summary>The database file.</summary>
    public string File => Path.Combine(_directory, "store.db");

    public static async Task<SqliteAuditedStore> CreateAsync(CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("ecomon-app-").FullName;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(directory, "store.db") }).Build());
        services.AddLogging();
        services.AddSqliteStorage();
        services.AddAuditTrail();
        ServiceProvider provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStoreSchema>().MigrateAsync(cancellationToken);
        return new SqliteAuditedStore(directory, provider);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The audit trail's entries, oldest first (at most 100).</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditAsync(CancellationToken cancellationToken) => Get<IAuditLog>().ReadAsync(0, 100, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
