using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// People with accounts in a test host, made through the host's own <see cref="AccountService"/> as the system and
/// security administrators would (created, given access, their own password set), then signed in over HTTP.
/// </summary>
internal static class TestPeople
{
    /// <summary>The password every test person sets (meets the policy).</summary>
    public const string Password = "Jiangsu-2026!";

    /// <summary>The actor the test's administrators act as.</summary>
    public const string Administrator = "test.security";

    /// <summary>The default jurisdiction: the whole country (every sample station; the samples span four provinces).</summary>
    public const string Nation = "100000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates <paramref name="user"/> with <paramref name="roles"/> and <see cref="Password"/>, ready to sign in.</summary>
    public static async Task<UserAccount> CreateAsync(
        IServiceProvider services, string user, IReadOnlyList<Role> roles, string? jurisdiction = Nation, string? enterprise = null)
    {
        AccountService accounts = services.GetRequiredService<AccountService>();
        (_, string temporary) = await accounts.CreateAsync(Administrator, user, user, Ct);
        await accounts.AssignAccessAsync(Administrator, user, roles, jurisdiction is null ? null : RegionCode.Parse(jurisdiction), enterprise, Ct);
        return await accounts.ChangePasswordAsync(user, temporary, Password, Ct);
    }

    /// <summary>Enrols an authenticator for <paramref name="user"/>; returns its secret (the step of now is used).</summary>
    public static async Task<string> EnrolTwoFactorAsync(IServiceProvider services, string user)
    {
        AccountService accounts = services.GetRequiredService<AccountService>();
        (string secret, _) = accounts.BeginTwoFactor(user);
        await accounts.ConfirmTwoFactorAsync(user, secret, TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow), Ct);
        return secret;
    }

    /// <summary>The sign-in answer of <paramref name="user"/> at <paramref name="server"/> (no cookie container: the test handles it).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(Uri server, string user, string password = Password, string? code = null)
    {
        using HttpClient client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server };
        string body = JsonSerializer.Serialize(new { user, password, code });
        return await client.PostAsync(new Uri("/api/v1/console/login", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);
    }

    /// <summary>Signs <paramref name="user"/> in and returns the session cookie as a <c>Cookie</c> header value.</summary>
    public static async Task<string> SignInAsync(Uri server, string user, string password = Password, string? code = null)
    {
        using HttpResponseMessage response = await PostSignInAsync(server, user, password, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ConsoleCookie.Of(response);
    }

    /// <summary>
    /// Creates <paramref name="user"/> through the API with the emergency <paramref name="key"/> and gives it
    /// <paramref name="accessJson"/>; returns its temporary password (the session it signs in with must set its own).
    /// </summary>
    public static async Task<string> CreateThroughApiAsync(HttpClient client, string key, string user, string accessJson)
    {
        using HttpRequestMessage create = new(HttpMethod.Post, "/api/v1/accounts")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { user, displayName = user }), Encoding.UTF8, "application/json"),
        };
        create.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using HttpResponseMessage created = await client.SendAsync(create, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string temporary = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("temporaryPassword").GetString()!;
        using HttpRequestMessage assign = new(HttpMethod.Put, $"/api/v1/accounts/{user}/access") { Content = new StringContent(accessJson, Encoding.UTF8, "application/json") };
        assign.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using HttpResponseMessage assigned = await client.SendAsync(assign, Ct);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        return temporary;
    }
}
