using System.Net;
using System.Text;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's pages need sign-in however the path is spelt (Hosting/ConsolePageGuard decides on the file a path
/// resolves to), and only the files meant for the public are served at all (Hosting/PublicFileProvider). Requests go
/// over a raw socket, so the server sees each target exactly as written.
/// </summary>
[Trait("Area", "Security")]
public sealed class ConsolePathBypassTests(BareServer bare) : IClassFixture<BareServer>
{
    // Text only the console's main page holds.
    private const string ConsoleMarker = "pane-status";

    private readonly PortalServer _server = bare.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/console/")]
    [InlineData("/console/index.html")]
    [InlineData("//console/index.html")]
    [InlineData("//console/")]
    [InlineData("///console///index.html")]
    [InlineData("/console//index.html")]
    [InlineData("/console//")]
    [InlineData("/CONSOLE/")]
    [InlineData("/Console/index.html")]
    [InlineData("/console/./index.html")]
    [InlineData("/console/../console/index.html")]
    [InlineData("/js/../console/index.html")]
    [InlineData("/console/%2e/index.html")]
    [InlineData("/%63onsole/index.html")]
    [InlineData("/console/index%2ehtml")]
    [InlineData("/console%2findex.html")]
    [InlineData("/console%2Findex.html")]
    [InlineData("/console/index.html.br")]
    [InlineData("/console/index.html.gz")]
    [InlineData("/console/index.html?x=.js")]
    [InlineData("/console/index.html%3f.js")]
    [InlineData("/console/console.js")]
    [InlineData("//console/alarms.js")]
    public async Task ConsoleFile_WithoutSignIn_IsNotServedHoweverThePathIsSpelt(string target)
    {
        RawResponse response = await RawHttp.GetAsync(_server.HttpPort, target, Ct);

        Assert.DoesNotContain(ConsoleMarker, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("loadStatus", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ACTIONS", response.Body, StringComparison.Ordinal);
        Assert.True(response.Status is 302 or 301 or 400 or 401 or 404, $"{target}: {response.Status}");
        if (response.Status == 302)
        {
            Assert.StartsWith("/console/login.html?returnUrl=%2Fconsole%2F", response.Header("location"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConsolePage_SignedIn_IsServed_AndTheSignInPageIsPublic()
    {
        string cookie = await SignInAsync();

        RawResponse page = await RawHttp.GetAsync(_server.HttpPort, "/console/", Ct, cookie);
        RawResponse doubled = await RawHttp.GetAsync(_server.HttpPort, "//console/index.html", Ct, cookie);
        RawResponse login = await RawHttp.GetAsync(_server.HttpPort, "/console/login.html", Ct);
        RawResponse loginScript = await RawHttp.GetAsync(_server.HttpPort, "/console/login.js", Ct);

        Assert.Equal(200, page.Status);
        Assert.Contains(ConsoleMarker, page.Body, StringComparison.Ordinal);
        Assert.Equal(200, doubled.Status);
        Assert.Equal(200, login.Status);
        Assert.Contains("login-form", login.Body, StringComparison.Ordinal);
        Assert.Equal(200, loginScript.Status);
    }

    [Theory]
    [InlineData("/README.md")]
    [InlineData("/readme.md")]
    [InlineData("/%52EADME.md")]
    [InlineData("//README.md")]
    [InlineData("/geo/README.md")]
    [InlineData("/geo/../README.md")]
    [InlineData("/README.md.br")]
    [InlineData("/.gitignore")]
    [InlineData("/web.config")]
    [InlineData("/js/common.JS")]
    [InlineData("/EcoMonitor.Web.dll")]
    [InlineData("/appsettings.json")]
    [InlineData("/lib/echarts/echarts.portal.min.js.LICENSE.txt")]
    public async Task FilesNotMeantForThePublic_AreNotFound(string target)
    {
        RawResponse response = await RawHttp.GetAsync(_server.HttpPort, target, Ct);

        Assert.True(response.Status is 404 or 400, $"{target}: {response.Status}");
        Assert.DoesNotContain("# wwwroot", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/js/common.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/geo/china.json", "application/json")]
    [InlineData("/geo/regions.json", "application/json")]
    [InlineData("/lib/echarts/echarts.portal.min.js", "text/javascript")]
    public async Task PublicFiles_AreServed(string target, string type)
    {
        RawResponse response = await RawHttp.GetAsync(_server.HttpPort, target, Ct);

        Assert.Equal(200, response.Status);
        Assert.StartsWith(type, response.Header("content-type"), StringComparison.Ordinal);
    }

    private async Task<string> SignInAsync()
    {
        using HttpResponseMessage response = await _server.Client.PostAsync(new Uri("/api/v1/console/login", UriKind.Relative),
            new StringContent($$"""{"user":"{{PortalServer.ConsoleUser}}","password":"{{PortalServer.ConsolePassword}}"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }
}
