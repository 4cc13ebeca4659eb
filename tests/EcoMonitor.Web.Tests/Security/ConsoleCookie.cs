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

    /// <summary>
    /// The session cookie an answer sets, as a <c>Cookie</c> header value: the one with a value (an answer that renews
    /// the session also clears the old one).
    /// </summary>
    public static string Of(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => !c.EndsWith('='));

    /// <summary>The status of <paramref name="method"/> <paramref name="path"/> sent with <paramref name="cookie"/> only.</summary>
    public static async Task<HttpStatusCode> SendAsync(Uri server, HttpMethod method, string path, string cookie)
    {
        using HttpClient client = Client(server);
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    /// <summary>The answer to <paramref name="method"/> <paramref name="path"/> with the JSON body <paramref name="json"/>, sent with <paramref name="cookie"/> only.</summary>
    public static async Task<HttpResponseMessage> SendJsonAsync(Uri server, HttpMethod method, string path, string cookie, string json)
    {
        using HttpClient client = Client(server);
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    private static HttpClient Client(Uri server) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server };
}
