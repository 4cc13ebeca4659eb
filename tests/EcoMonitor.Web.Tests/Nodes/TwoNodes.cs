namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// Two <see cref="ServerNode"/>s on one fresh PostgreSQL database (skips locally without a server, fails on CI); the
/// nodes are stopped and the database dropped when disposed.
/// </summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private readonly PostgresTestServer _server;

    private TwoNodes(PostgresTestServer server, string database, ServerNode a, ServerNode b)
    {
        _server = server;
        Database = database;
        A = a;
        B = b;
    }

    /// <summary>The connection string of the shared database.</summary>
    public string Database { get; }

    public ServerNode A { get; }

    public ServerNode B { get; }

    /// <summary>Starts node A, then node B (named so in the run table of scheduled work), with <paramref name="settings"/> for both.</summary>
    public static async Task<TwoNodes> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        CancellationToken token = TestContext.Current.CancellationToken;
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(token);
        var common = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = database,
        };
        try
        {
            ServerNode a = await ServerNode.StartAsync(new Dictionary<string, string>(common) { ["Schedule:NodeName"] = "A" }, token);
            try
            {
                return new TwoNodes(server, database, a, await ServerNode.StartAsync(new Dictionary<string, string>(common) { ["Schedule:NodeName"] = "B" }, token));
            }
            catch
            {
                await a.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await server.DropDatabaseAsync(database);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _server.DropDatabaseAsync(Database);
    }
}
