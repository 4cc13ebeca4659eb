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

    public static async Task<TwoNodes> StartAsync()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        CancellationToken token = TestContext.Current.CancellationToken;
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(token);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = database,
        };
        try
        {
            ServerNode a = await ServerNode.StartAsync(settings, token);
            try
            {
                return new TwoNodes(server, database, a, await ServerNode.StartAsync(settings, token));
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
