using System.Net;
using System.Security.Cryptography;
using EcoMonitor.Web.Tests.Nodes;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Two server processes on one store, each with a home directory of its own (as two machines: no shared per-machine
/// key folder), in the Production environment: a console cookie issued by one node is accepted by the other (the
/// data-protection key ring and the sessions are in the store), and once signed out on one, refused by both; roles
/// taken away and an account disabled through one node reach a session on the other.
/// </summary>
[Trait("Area", "Security")]
public sealed class CrossNodeCookieTests
{
    private const string Key = "cross-node-emergency-key-5b0e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookieFromOneNode_IsAcceptedByTheOther_UntilSignOut_OnSqlite()
    {
        string directory = Directory.CreateTempSubdirectory("ecomon-cross-node-").FullName;
        try
        {
            await RunAsync(new Dictionary<string, string> { ["Storage:Sqlite:Path"] = Path.Combine(directory, "shared.db") }, directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    [Trait("Area", "Postgres")]
    public async Task CookieFromOneNode_IsAcceptedByTheOther_UntilSignOut_OnPostgres()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(Ct);
        string directory = Directory.CreateTempSubdirectory("ecomon-cross-node-").FullName;
        try
        {
            await RunAsync(new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["Storage:Postgres:ConnectionString"] = database }, directory);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RunAsync(Dictionary<string, string> storage, string directory)
    {
        string keyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Dictionary<string, string> Settings(string home) => new(storage)
        {
            ["Security:BootstrapAdminKey"] = Key,
            ["DataProtection:KeyEncryptionKey"] = keyEncryptionKey,
            ["HOME"] = Directory.CreateDirectory(Path.Combine(directory, home)).FullName,
        };

        await using ServerNode a = await ServerNode.StartAsync(Settings("home-a"), Ct);
        await using ServerNode b = await ServerNode.StartAsync(Settings("home-b"), Ct);

        string temporary = await TestPeople.CreateThroughApiAsync(a.Client, Key, "night.shift", """{"roles":["networkOperator"],"jurisdiction":"320000"}""");
        using HttpResponseMessage login = await TestPeople.PostSignInAsync(a.Client.BaseAddress!, "night.shift", temporary);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        string setCookie = login.Headers.GetValues("Set-Cookie").Single();
        // Outside Development the cookie is for HTTPS only (these nodes serve plain HTTP: the test sends it by hand).
        Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
        string cookie = ConsoleCookie.Of(login);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(b, HttpMethod.Get, "/api/v1/console/me", cookie));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(b, HttpMethod.Get, "/console/", cookie));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(a, HttpMethod.Get, "/api/v1/console/me", cookie));

        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(a, HttpMethod.Post, "/api/v1/console/logout", cookie));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(b, HttpMethod.Get, "/api/v1/console/me", cookie));
        Assert.Equal(HttpStatusCode.Found, await SendAsync(b, HttpMethod.Get, "/console/", cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(a, HttpMethod.Get, "/api/v1/console/me", cookie));
        Assert.False(Directory.Exists(Path.Combine(directory, "home-a", ".aspnet")), "no per-machine key folder");

        // A change to the account made through node B reaches the session on node A (its copy is at most 5 s old).
        string session = await TestPeople.SignInAsync(a.Client.BaseAddress!, "night.shift", temporary);
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(a, "/api/v1/console/me/password", session,
            $$"""{"currentPassword":"{{temporary}}","newPassword":"{{TestPeople.Password}}"}"""));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(a, HttpMethod.Get, "/api/v1/ingest/stats", session));
        Assert.Equal(HttpStatusCode.OK, await KeyAsync(b, HttpMethod.Put, "/api/v1/accounts/night.shift/access", """{"roles":["manager"],"jurisdiction":"320000"}"""));
        Assert.True(await EventuallyAsync(() => SendAsync(a, HttpMethod.Get, "/api/v1/ingest/stats", session), HttpStatusCode.Forbidden), "roles taken away on B still held on A");
        Assert.Equal(HttpStatusCode.OK, await KeyAsync(b, HttpMethod.Post, "/api/v1/accounts/night.shift/disable", "{}"));
        Assert.True(await EventuallyAsync(() => SendAsync(a, HttpMethod.Get, "/api/v1/console/me", session), HttpStatusCode.Unauthorized), "disabled on B, still signed in on A");
    }

    /// <summary>True once <paramref name="call"/> answers <paramref name="status"/>, within 10 s (twice the longest a node's copy of an account lives).</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<HttpStatusCode>> call, HttpStatusCode status)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (await call() != status)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200, Ct);
        }

        return true;
    }

    private static async Task<HttpStatusCode> PostAsync(ServerNode node, string path, string cookie, string json)
    {
        using HttpResponseMessage response = await ConsoleCookie.SendJsonAsync(node.Client.BaseAddress!, HttpMethod.Post, path, cookie, json);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> KeyAsync(ServerNode node, HttpMethod method, string path, string json)
    {
        using HttpRequestMessage request = new(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        using HttpResponseMessage response = await node.Client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static Task<HttpStatusCode> SendAsync(ServerNode node, HttpMethod method, string path, string cookie) =>
        ConsoleCookie.SendAsync(node.Client.BaseAddress!, method, path, cookie);
}
