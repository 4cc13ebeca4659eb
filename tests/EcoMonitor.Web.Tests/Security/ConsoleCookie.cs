using System.Net;
using System.Text;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The console's cookie handled by hand, as a thief replaying a copied cookie would: clients without a cookie
/// container (only the cookie given is sent) and no redirects followed.
/// </summary>
internal static class ConsoleCookie
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in as admin at <paramref name="server"/>; the answer (204 with the Set-Cookie header, or the refusal).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(Uri server, string password)
    {
        using HttpClient client = Client(server);
        return await client.PostAsync(new Uri("/api/v1/console/login", UriKind.Relative),
            new StringContent($$"""{"user":"admin","password":"{{password}}"}""", Encoding.UTF8, "application/json"), Ct);
    }

    /// <summary>Signs in and returns the cookie as a <c>Cookie</c> header value.</summary>
    public static async Task<string> SignInAsync(Uri server, string password)
    {
        using HttpResponseMessage response = await PostSignInAsync(server, password);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Of(response);
    }

    /// <summary>The cookie a sign-in answer sets, as a <c>Cookie</c> header value.</summary>
    public static string Of(HttpResponseMessage response) => response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

    /// <summary>The status of <paramref name="method"/> <paramref name="path"/> sent with <paramref name="cookie"/> only.</summary>
    public static async Task<HttpStatusCode> SendAsync(Uri server, HttpMethod method, string path, string cookie)
    {
        using HttpClient client = Client(server);
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static HttpClient Client(Uri server) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server };
}
