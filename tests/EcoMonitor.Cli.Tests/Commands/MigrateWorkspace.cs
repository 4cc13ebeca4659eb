using EcoMonitor.Testing;

namespace EcoMonitor.Cli.Tests.Commands;

/// <summary>
/// What a migrate test moves data between: a temporary folder for SQLite files and a fresh database on the test
/// PostgreSQL server, both removed on dispose. Skips (locally, never on CI) when no server can be had.
/// </summary>
internal sealed class MigrateWorkspace : IAsyncDisposable
{
    private readonly string _directory;

    private MigrateWorkspace(string directory, string postgres)
    {
        _directory = directory;
        Postgres = postgres;
    }

    /// <summary>The connection string of the PostgreSQL database.</summary>
    public string Postgres { get; }

    public static async Task<MigrateWorkspace> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        string postgres = await (await PostgresTestServer.GetAsync()).CreateDatabaseAsync(cancellationToken);
        return new MigrateWorkspace(Directory.CreateTempSubdirectory(prefix).FullName, postgres);
    }

    /// <summary>The path of a SQLite file <paramref name="name"/> in the folder.</summary>
    public string SqliteFile(string name) => Path.Combine(_directory, name);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(Postgres);
    }
}
