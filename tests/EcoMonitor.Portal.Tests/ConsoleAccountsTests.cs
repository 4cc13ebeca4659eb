using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoMonitor.Application.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's account pages in headless Chromium against the real server (docs/security.md "First run", "Accounts
/// and sign-in"): the first-run set-up, a first sign-in that must set its password and enrol an authenticator before
/// anything else, the sign-in with the authenticator's code, creating an account; and a person without
/// <c>accounts.read</c>, to whom the console offers no accounts tab and whose accounts page says the API refused.
/// </summary>
[Trait("Area", "Portal")]
public sealed class ConsoleAccountsTests(BareServer bare) : IClassFixture<BareServer>
{
    private const string NewPassword = "Sys-Admin-Pass-9z!";
    private const string HostileName = "赵磊<img src=x onerror=alert(1)>";
    private static readonly string[] Administrators = ["wang.fang", "li.na", "chen.jie"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstRun_SetUpThenFirstSignIn_SetsPasswordAndAuthenticator_ThenCreatesAnAccount()
    {
        using var server = new PortalServer(withConsoleUser: false);
        _ = server.Client;
        (string token, _) = (await server.Services.GetRequiredService<FirstRunSetUp>().IssueIfRequiredAsync(Ct))!.Value;
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(server.BaseUrl);

        // Set-up: the token and three people; their temporary passwords are shown once.
        await page.GotoAsync("/console/setup.html");
        await page.Locator("#setup-form").WaitForAsync();
        await page.FillAsync("#setup-token", token);
        await page.FillAsync("#sys-user", "wang.fang");
        await page.FillAsync("#sys-name", "王芳");
        await page.FillAsync("#sec-user", "li.na");
        await page.FillAsync("#sec-name", "李娜");
        await page.FillAsync("#aud-user", "chen.jie");
        await page.FillAsync("#aud-name", "陈杰");
        await page.ClickAsync("#setup-submit");
        await page.Locator("#setup-table").WaitForAsync();
        var temporary = new List<string>();
        foreach (string user in Administrators)
        {
            temporary.Add(await page.Locator($"#setup-table tr[data-user='{user}'] code.secret").InnerTextAsync());
        }

        Assert.Equal(3, temporary.Where(p => p.Length >= 8).Distinct().Count());
        Assert.Contains("只显示这一次", await page.InnerTextAsync("#setup-result"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#setup-form").IsHiddenAsync());
        await Browser.ScreenshotAsync(page, "console-setup");

        await FirstSignInAsync(page, "wang.fang", temporary[0]);

        // The system administrator's tabs: the network's status and the accounts, not the review.
        await page.Locator("#tab-accounts").WaitForAsync();
        Assert.True(await page.Locator("#tab-status").IsVisibleAsync());
        Assert.True(await page.Locator("#tab-review").IsHiddenAsync());
        await Browser.NavigateByAsync(page, "**/console/accounts.html", () => page.ClickAsync("#tab-accounts"));
        await page.Locator("#accounts-table tr[data-user='wang.fang']").WaitForAsync();
        await page.FillAsync("#new-user", "zhao.lei");
        // A display name written as markup stays text: the page builds its rows with textContent, never as HTML.
        await page.FillAsync("#new-name", HostileName);
        await page.ClickAsync("#create");
        await page.Locator("#accounts-table tr[data-user='zhao.lei']").WaitForAsync();
        Assert.Contains(HostileName, await page.InnerTextAsync("#accounts-table tr[data-user='zhao.lei']"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#accounts-table img").CountAsync());
        string handedOver = await page.InnerTextAsync("#temporary-password");
        await Browser.ScreenshotAsync(page, "console-accounts");

        // The password shown is the account's: it signs in, to a session that must first set its own.
        using HttpResponseMessage signIn = await server.Client.PostAsJsonAsync("/api/v1/console/login", new { user = "zhao.lei", password = handedOver }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        JsonElement session = await signIn.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("password", Assert.Single(session.GetProperty("pending").EnumerateArray()).GetString());

        // The security administrator gives it roles and a jurisdiction; a refusal names the rule broken (三员分立).
        await Browser.NavigateByAsync(page, "**/console/login.html", () => page.ClickAsync("#logout"));
        await FirstSignInAsync(page, "li.na", temporary[1]);
        await page.Locator("#tab-accounts").WaitForAsync();
        Assert.True(await page.Locator("#tab-status").IsHiddenAsync());
        await Browser.NavigateByAsync(page, "**/console/accounts.html", () => page.ClickAsync("#tab-accounts"));
        ILocator row = page.Locator("#accounts-table tr[data-user='zhao.lei']");
        await row.Locator("button[data-action='access']").ClickAsync();
        Assert.Equal(0, await row.Locator("button[data-action='disable']").CountAsync());
        Assert.True(await page.Locator("#create-section").IsHiddenAsync());
        await page.CheckAsync("#role-dataReviewer");
        await page.CheckAsync("#role-auditAdministrator");
        await page.FillAsync("#access-jurisdiction", "320100");
        await page.ClickAsync("#access-save");
        await page.Locator("#access-message.error li").First.WaitForAsync();

        await page.UncheckAsync("#role-auditAdministrator");
        await page.ClickAsync("#access-save");
        await page.Locator("#access-message.ok").WaitForAsync();
        await page.Locator("#accounts-table tr[data-user='zhao.lei']", new PageLocatorOptions { HasText = "数据审核" }).WaitForAsync();
        await Browser.ScreenshotAsync(page, "console-accounts-access");
        JsonElement account = await server.StaffJsonAsync("/api/v1/accounts/zhao.lei", Ct);
        Assert.Equal(("dataReviewer", "320100"), (Assert.Single(account.GetProperty("roles").EnumerateArray()).GetString(), account.GetProperty("jurisdiction").GetString()));

        // The same editor links the account to a person at the identity provider; a half-filled link is refused.
        await page.FillAsync("#external-issuer", "https://idp.example.gov.cn");
        await page.ClickAsync("#external-save");
        await page.Locator("#external-message.error").WaitForAsync();
        await page.FillAsync("#external-subject", "4711");
        await page.ClickAsync("#external-save");
        await page.Locator("#external-message.ok").WaitForAsync();
        JsonElement linked = (await server.StaffJsonAsync("/api/v1/accounts/zhao.lei", Ct)).GetProperty("externalIdentity");
        Assert.Equal(("https://idp.example.gov.cn", "4711"), (linked.GetProperty("issuer").GetString(), linked.GetProperty("subject").GetString()));
    }

    [Fact]
    [Trait("Area", "Security")]
    public async Task WithoutAccountsRead_NoAccountsTab_AndTheAccountsPageSaysTheApiRefused()
    {
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(bare.Server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        await page.Locator("#status-table tbody tr").First.WaitForAsync();

        Assert.True(await page.Locator("#tab-accounts").IsHiddenAsync());
        Assert.True(await page.Locator("#tab-review").IsVisibleAsync());
        Assert.True(await page.Locator("#my-account").IsVisibleAsync());

        await page.GotoAsync("/console/accounts.html");
        await page.Locator("#accounts-message.error").WaitForAsync();
        Assert.EndsWith("/console/accounts.html", page.Url, StringComparison.Ordinal);
        Assert.Contains("accounts.read", await page.InnerTextAsync("#accounts-message"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#accounts-table").CountAsync());
        Assert.True(await page.Locator("#create-section").IsHiddenAsync());
        IAPIResponse api = await page.Context.APIRequest.GetAsync("/api/v1/accounts");
        Assert.Equal(403, api.Status);
    }

    /// <summary>
    /// The first sign-in of an administrator with <paramref name="temporary"/>: sent to the account page, which asks
    /// for a password of their own first (a refused one shows the server's reasons), then for an authenticator (the
    /// console sends the person back until then; its key is shown in groups of four); ten recovery codes; then signing
    /// out and in again with the app's code. Ends on the console's main page.
    /// </summary>
    private static async Task FirstSignInAsync(IPage page, string user, string temporary)
    {
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", temporary);
        await Browser.NavigateByAsync(page, "**/console/account.html", () => page.ClickAsync("#login"));
        await page.Locator("#password-section").WaitForAsync();
        Assert.True(await page.Locator("#two-factor-section").IsHiddenAsync());

        await page.FillAsync("#pw-current", temporary);
        await page.FillAsync("#pw-new", user + "-1");
        await page.FillAsync("#pw-repeat", user + "-1");
        await page.ClickAsync("#pw-save");
        await page.Locator("#pw-message.error li").First.WaitForAsync();
        Assert.Contains("must not contain the account name", await page.InnerTextAsync("#pw-message"), StringComparison.Ordinal);

        await page.FillAsync("#pw-current", temporary);
        await page.FillAsync("#pw-new", NewPassword);
        await page.FillAsync("#pw-repeat", NewPassword);
        await page.ClickAsync("#pw-save");
        await page.Locator("#two-factor-section").WaitForAsync();
        Assert.True(await page.Locator("#password-section").IsHiddenAsync());

        await page.GotoAsync("/console/");
        await page.WaitForURLAsync("**/console/account.html");
        await page.ClickAsync("#tf-begin");
        await page.Locator("#tf-form").WaitForAsync();
        string shown = await page.InnerTextAsync("#tf-secret");
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", shown);
        string secret = shown.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("secret=" + secret, await page.InnerTextAsync("#tf-link"), StringComparison.Ordinal);
        await page.FillAsync("#tf-code", TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow));
        await page.ClickAsync("#tf-confirm");
        await page.Locator("#ready").WaitForAsync();
        Assert.Equal(10, await page.Locator("#tf-codes li").CountAsync());
        await Browser.ScreenshotAsync(page, "console-account-recovery-codes");

        // Signing in again takes the authenticator's code: the next step's, as the enrolment used this one (each is good once).
        await Browser.NavigateByAsync(page, "**/console/login.html", () => page.ClickAsync("#logout"));
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", NewPassword);
        await page.ClickAsync("#login");
        await page.Locator("#code").WaitForAsync();
        Assert.Equal("one-time-code", await page.GetAttributeAsync("#code", "autocomplete"));
        await page.FillAsync("#code", TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
    }
}
