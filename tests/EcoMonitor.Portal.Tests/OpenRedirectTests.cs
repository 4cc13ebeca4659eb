namespace EcoMonitor.Portal.Tests;

/// <summary>
/// After sign-in the console goes only to a path of its own site: a <c>returnUrl</c> that would leave it is replaced by
/// /console/ (console/login.js), in headless Chromium against the real server.
/// </summary>
[Trait("Area", "Security")]
public sealed class OpenRedirectTests(BareServer bare) : IClassFixture<BareServer>
{
    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("/\\/evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/console/")]
    [InlineData("///evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("/\t/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task SignIn_WithAReturnUrlLeavingTheSite_GoesToTheConsole(string returnUrl)
    {
        IPage page = await SignInAsync(returnUrl, "**/console/");

        Uri url = new(page.Url);
        Assert.Equal(bare.Server.BaseUrl, url.GetLeftPart(UriPartial.Authority));
        Assert.Equal("/console/", url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlOnTheSite_GoesThere()
    {
        IPage page = await SignInAsync("/console/index.html?tab=alarms#x", "**/console/index.html?tab=alarms#x");

        Assert.Equal(bare.Server.BaseUrl + "/console/index.html?tab=alarms#x", page.Url);
    }

    private async Task<IPage> SignInAsync(string returnUrl, string expected)
    {
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(bare.Server.BaseUrl);
        await page.GotoAsync("/console/login.html?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, expected, () => page.ClickAsync("#login"));
        return page;
    }
}
