using System.Net;
using System.Net.Http.Headers;
using EcoMonitor.Application.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's API clients page in headless Chromium against the real server (docs/security.md "API clients"): the
/// security administrator signs in with the authenticator, is offered the accounts and clients tabs, issues a key (shown
/// once, with its warning) that then reads over HTTP, and revokes it after a confirmation — after which the key is refused.
/// </summary>
[Trait("Area", "Portal")]
public sealed class ConsoleClientsTests(BareServer bare) : IClassFixture<BareServer>
{
    private const string Officer = "sun.li";
    private const string Password = "Security-Admin-Pass-7q!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Area", "Security")]
    public async Task SecurityAdministrator_IssuesAKeyShownOnce_ThatReads_ThenRevokesIt_AndItIsRefused()
    {
        string secret = await CreateOfficerAsync();
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(bare.Server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", Officer);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login");
        await page.Locator("#code").WaitForAsync();
        await page.FillAsync("#code", TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));

        await page.Locator("#tab-clients").WaitForAsync();
        string[] shown = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-permission]')].filter(t => !t.hidden).map(t => t.id).sort()");
        Assert.Equal(["tab-accounts", "tab-clients"], shown);
        await Browser.NavigateByAsync(page, "**/console/clients.html", () => page.ClickAsync("#tab-clients"));
        await page.Locator("#issue-form").WaitForAsync();

        await page.FillAsync("#client-name", "省水利厅水文数据交换");
        await page.FillAsync("#client-owner", "省水利厅信息中心");
        await page.CheckAsync("#permission-alarms-read");
        await page.FillAsync("#client-jurisdiction", "510000");
        await page.FillAsync("#client-days", "30");
        await page.ClickAsync("#issue");
        await page.Locator("#client-key").WaitForAsync();
        string key = await page.InnerTextAsync("#client-key");
        Assert.StartsWith(ApiClientKeys.Prefix, key, StringComparison.Ordinal);
        Assert.Contains("只显示这一次", await page.InnerTextAsync("#action-result"), StringComparison.Ordinal);
        ILocator row = page.Locator("#clients-table tbody tr", new PageLocatorOptions { HasText = "省水利厅水文数据交换" });
        await row.WaitForAsync();
        Assert.Contains("有效", await row.InnerTextAsync(), StringComparison.Ordinal);
        // The list never shows the key again.
        Assert.DoesNotContain(key[^12..], await page.InnerTextAsync("#clients-table"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-clients");
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(key));

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await row.Locator("button[data-action='revoke']").ClickAsync();
        await page.Locator("#clients-table tbody tr", new PageLocatorOptions { HasText = "已吊销" }).WaitForAsync();
        Assert.Contains("省水利厅水文数据交换", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(key));
    }

    private async Task<HttpStatusCode> StatusWithKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/alarms?limit=1", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using HttpResponseMessage response = await bare.Server.Client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<string> CreateOfficerAsync()
    {
        AccountService accounts = bare.Server.Services.GetRequiredService<AccountService>();
        (_, string temporary) = await accounts.CreateAsync("test.system", Officer, "孙莉", Ct);
        await accounts.AssignAccessAsync("test.admin", Officer, [Role.SecurityAdministrator], null, null, Ct);
        await accounts.ChangePasswordAsync(Officer, temporary, Password, Ct);
        (string secret, _) = accounts.BeginTwoFactor(Officer);
        await accounts.ConfirmTwoFactorAsync(Officer, secret, TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow), Ct);
        return secret;
    }
}
