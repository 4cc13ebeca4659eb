using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Storage.Sqlite;
using EcoMonitor.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// <see cref="IStoreHealth"/>: a reachable store answers the ping; a store that is away for a while (nothing listens,
/// the file stays locked past the busy timeout) fails it with an error the engine calls unavailable; a store that is
/// wrong for good (no such database, not a database file) fails it with one it does not. Checked against every engine.
/// </summary>
[Trait("Area", "Spine")]
public sealed class StoreHealthContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task PingAsync_ReachableStore_Completes(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        await stores.Health.PingAsync(Ct);
    }

    [Theory, StoreProviders]
    public async Task PingAsync_StoreAwayForAWhile_FailsWithAnUnavailableError(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await using Away away = await Away.MakeAsync(stores, provider);

        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() => away.Health.PingAsync(Ct));

        Assert.True(away.Health.IsUnavailable(failure), $"{failure.GetType().Name}: {failure.Message}");
    }

    [Theory, StoreProviders]
    public async Task PingAsync_StoreWrongForGood_FailsWithAnErrorThatIsNotUnavailability(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        using ServiceProvider wrong = Open(provider, provider switch
        {
            StoreProviders.Sqlite => new() { ["Storage:Sqlite:Path"] = NotADatabase(stores) },
            _ => new() { ["Storage:Postgres:ConnectionString"] = new NpgsqlConnectionStringBuilder(stores.PostgresConnectionString) { Database = "ecomon_no_such_database" }.ConnectionString },
        });
        IStoreHealth health = wrong.GetRequiredService<IStoreHealth>();

        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() => health.PingAsync(Ct));

        Assert.False(health.IsUnavailable(failure), $"{failure.GetType().Name}: {failure.Message}");
        Assert.False(health.IsUnavailable(new InvalidOperationException("a bug")));
    }

    private static string NotADatabase(TestStores stores)
    {
        string path = Path.Combine(Path.GetDirectoryName(stores.SqliteFile)!, "not-a-database.db");
        File.WriteAllText(path, new string('x', 4096));
        return path;
    }

    private static ServiceProvider Open(string provider, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (provider == StoreProviders.Sqlite)
        {
            services.AddSqliteStorage();
        }
        else
        {
            services.AddPostgresStorage();
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    /// <summary>A store of the engine that cannot be reached for now: SQLite locked by another connection, PostgreSQL with nothing listening.</summary>
    private sealed class Away : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly SqliteConnection? _holder;

        private Away(ServiceProvider services, SqliteConnection? holder)
        {
            _services = services;
            _holder = holder;
        }

        public IStoreHealth Health => _services.GetRequiredService<IStoreHealth>();

        public static async Task<Away> MakeAsync(TestStores stores, string provider)
        {
            if (provider == StoreProviders.Sqlite)
            {
                // Exclusive locking mode keeps the write lock on the file itself, so no other connection may even read.
                await stores.CloseAsync();
                var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stores.SqliteFile, Pooling = false }.ToString());
                await holder.OpenAsync(Ct);
                await using SqliteCommand command = holder.CreateCommand();
                command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE hold (x INTEGER);";
                await command.ExecuteNonQueryAsync(Ct);
                return new Away(Open(provider, new() { ["Storage:Sqlite:Path"] = stores.SqliteFile, ["Storage:Sqlite:BusyTimeoutSeconds"] = "1" }), holder);
            }

            string nothingListens = new NpgsqlConnectionStringBuilder(stores.PostgresConnectionString)
            {
                Host = "127.0.0.1",
                Port = FreeTcpPort.Next(),
            }.ConnectionString;
            return new Away(Open(provider, new() { ["Storage:Postgres:ConnectionString"] = nothingListens }), null);
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            if (_holder is not null)
            {
                await _holder.DisposeAsync();
            }
        }
    }
}
