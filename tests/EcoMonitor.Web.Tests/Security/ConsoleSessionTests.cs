using System.Net;
using EcoMonitor.Application.Access;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Console sessions live in the store (Security/ConsoleTicketStore): a cookie kept after sign-out is refused, a
/// session ends when idle and at the end of its absolute lifetime, and ended sessions are swept from the store. The
/// cookie is handled by hand, as a thief replaying a copied cookie would.
/// </summary>
[Trait("Area", "Security")]
public sealed class ConsoleSessionTests
{
    private const string Person = "duty.operator";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cookie_AfterSignOut_IsRefused()
    {
        using ApiFactory api = await ApiAsync();
        string cookie = await SignInAsync(api);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(api, cookie));

        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(api, HttpMethod.Post, "/api/v1/console/logout", cookie));

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, cookie));
        Assert.Equal(0L, await SessionRowsAsync(api));
    }

    [Fact]
    public async Task Session_WithoutARequestForTheIdleTimeout_Ends_WhileAnActiveOneLasts()
    {
        using ApiFactory api = await ApiAsync(("Console:SessionIdleTimeout", "00:00:03"));
        string idle = await SignInAsync(api);
        string active = await SignInAsync(api);

        for (int i = 0; i < 10; i++)
        {
            await Task.Delay(500, Ct);
            Assert.Equal(HttpStatusCode.OK, await MeAsync(api, active));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, idle));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(api, active));
    }

    [Fact]
    public async Task Session_AtTheEndOfItsLifetime_Ends_HoweverActive()
    {
        using ApiFactory api = await ApiAsync(("Console:SessionLifetime", "00:00:04"));
        DateTime before = DateTime.UtcNow;
        string cookie = await SignInAsync(api);
        DateTime after = DateTime.UtcNow;

        // Within its lifetime (the ticket's expiry is kept to whole seconds: stay a second and a half clear of the end).
        while (DateTime.UtcNow < before.AddSeconds(2.5))
        {
            Assert.Equal(HttpStatusCode.OK, await MeAsync(api, cookie));
            await Task.Delay(300, Ct);
        }

        await Task.Delay(after.AddSeconds(4.5) - DateTime.UtcNow, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(api, cookie));
    }

    [Fact]
    public async Task EndedSessions_AreSweptFromTheStore_WithoutARequest()
    {
        using ApiFactory api = await ApiAsync(("Console:SessionIdleTimeout", "00:00:01"), ("Console:SessionSweepInterval", "00:00:00.200"));
        await SignInAsync(api);
        await SignInAsync(api);

        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        long rows;
        while ((rows = await SessionRowsAsync(api)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        Assert.Equal(0L, rows);
    }

    [Fact]
    public async Task Cookie_IsHttpOnlyAndSameSiteStrict_AndTheStoreHoldsNoUsableKey()
    {
        using ApiFactory api = await ApiAsync();
        using HttpResponseMessage response = await PostLoginAsync(api);
        string setCookie = response.Headers.GetValues("Set-Cookie").Single();

        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        await using SqliteConnection connection = await OpenAsync(api);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM console_session;";
        string id = (string)(await command.ExecuteScalarAsync(Ct))!;
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.DoesNotContain(id, setCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<ApiFactory> ApiAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>();
        foreach ((string key, string value) in settings)
        {
            all[key] = value;
        }

        var api = ApiFactory.With(all);
        _ = api.Client;
        await TestPeople.CreateAsync(api.Services, Person, [Role.NetworkOperator]);
        return api;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(ApiFactory api) => TestPeople.PostSignInAsync(api.Client.BaseAddress!, Person);

    private static Task<string> SignInAsync(ApiFactory api) => TestPeople.SignInAsync(api.Client.BaseAddress!, Person);

    private static Task<HttpStatusCode> MeAsync(ApiFactory api, string cookie) => SendAsync(api, HttpMethod.Get, "/api/v1/console/me", cookie);

    private static Task<HttpStatusCode> SendAsync(ApiFactory api, HttpMethod method, string path, string cookie) =>
        ConsoleCookie.SendAsync(api.Client.BaseAddress!, method, path, cookie);

    private static async Task<SqliteConnection> OpenAsync(ApiFactory api)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = api.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<long> SessionRowsAsync(ApiFactory api)
    {
        await using SqliteConnection connection = await OpenAsync(api);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM console_session;";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
