using System.Globalization;
using System.Text.Json;
using EcoMonitor.Application.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's audit-trail viewer in headless Chromium against the real server (docs/audit.md, ADR 0036): the audit
/// administrator (审计管理员, <c>audit.read</c> only) signs in with the authenticator, is offered the audit tab and
/// nothing else, filters the trail by an action prefix, opens an entry's before/after as text, pages to older
/// entries, verifies the chain — and can change nothing: the page sends only GETs and offers no button that writes,
/// and a write sent from the page's own context is refused.
/// </summary>
[Trait("Area", "Portal")]
public sealed class ConsoleAuditTests(BareServer bare) : IClassFixture<BareServer>
{
    private const string Auditor = "zhou.min";
    private const string Password = "Audit-Admin-Pass-4k!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Area", "Security")]
    public async Task AuditAdministrator_SeesOnlyTheAuditTab_FiltersAndVerifies_AndCannotChangeAnything()
    {
        string secret = await CreateAuditorAsync();
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(bare.Server.BaseUrl);
        var methods = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/v1/", StringComparison.Ordinal) && !request.Url.Contains("/api/v1/console/", StringComparison.Ordinal))
            {
                lock (methods)
                {
                    methods.Add(request.Method + " " + request.Url);
                }
            }
        };

        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", Auditor);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login");
        await page.Locator("#code").WaitForAsync();
        await page.FillAsync("#code", TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));

        // Only the audit tab; no note that the roles have nothing here.
        await page.Locator("#tab-audit").WaitForAsync();
        string[] shown = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-permission]')].filter(t => !t.hidden).map(t => t.id)");
        Assert.Equal("tab-audit", Assert.Single(shown));
        Assert.True(await page.Locator("#no-tabs").IsHiddenAsync());
        await Browser.NavigateByAsync(page, "**/console/audit.html", () => page.ClickAsync("#tab-audit"));

        // Newest first, all kinds; "older" pages back with `before`.
        await page.Locator("#audit-table tbody tr").First.WaitForAsync();
        string[] actions = await ColumnAsync(page, 4);
        Assert.Contains(actions, a => a.StartsWith("station.", StringComparison.Ordinal));
        long newestLast = long.Parse(await page.Locator("#audit-table tbody tr").Last.GetAttributeAsync("data-sequence") ?? "", CultureInfo.InvariantCulture);
        await page.ClickAsync("#audit-older");
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('#audit-table tbody tr')?.dataset.sequence) < {newestLast}");
        Assert.True(await page.Locator("#audit-newest").IsVisibleAsync());

        // Filtered by the action prefix: the accounts' entries, the auditor's own among them.
        await page.FillAsync("#au-action", "account.");
        await page.ClickAsync("#au-show");
        await page.WaitForFunctionAsync("() => { const rows = [...document.querySelectorAll('#audit-table tbody tr')]; return rows.length > 0 && rows.every(r => r.cells[4].textContent.startsWith('account.')); }");
        actions = await ColumnAsync(page, 4);
        Assert.True(actions.Count(a => a == "account.created") >= 2, string.Join(",", actions));
        Assert.Contains("account.two-factor-enrolled", actions);
        ILocator row = page.Locator("#audit-table tbody tr", new PageLocatorOptions { HasText = "account.access-assigned" }).First;
        await row.Locator("button.audit-details").ClickAsync();
        Assert.True(await row.Locator("pre").IsVisibleAsync());
        Assert.Contains("auditAdministrator", await row.Locator("pre").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await row.Locator("pre *").CountAsync());
        await Browser.ScreenshotAsync(page, "console-audit");

        // The chain verifies, with a head to note down.
        await page.ClickAsync("#audit-verify");
        await page.Locator("#audit-chain-state").WaitForAsync();
        Assert.Contains("完整", await page.InnerTextAsync("#audit-chain-state"), StringComparison.Ordinal);
        Assert.Matches("^[0-9]+:[0-9a-f]{64}$", await page.InnerTextAsync("#audit-head"));

        // Nothing that writes: the buttons read, every request was a GET, and writes from the page's context are refused.
        string[] buttons = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('button, input[type=submit]')].filter(b => !b.classList.contains('audit-details')).map(b => b.id).sort()");
        Assert.Equal("au-show,audit-newest,audit-older,audit-verify,lang-switch,logout", string.Join(",", buttons));
        lock (methods)
        {
            Assert.NotEmpty(methods);
            Assert.All(methods, m => Assert.StartsWith("GET ", m, StringComparison.Ordinal));
        }

        int[] refused = await page.EvaluateAsync<int[]>("""
            () => Promise.all([
              ['POST', '/api/v1/accounts', { user: 'mallory', displayName: 'M' }],
              ['POST', '/api/v1/accounts/' + encodeURIComponent('zhang.wei') + '/disable', undefined],
              ['PUT', '/api/v1/accounts/zhou.min/access', { roles: ['systemAdministrator'], jurisdiction: null, enterprise: null }]
            ].map(([method, url, body]) => fetch(url, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(r => r.status)))
            """);
        Assert.Equal("403,403,403", string.Join(",", refused));
        JsonElement auditor = await bare.Server.StaffJsonAsync("/api/v1/accounts/" + Auditor, Ct);
        Assert.Equal("auditAdministrator", Assert.Single(auditor.GetProperty("roles").EnumerateArray()).GetString());
    }

    /// <summary>
    /// Makes the audit administrator through the host's <see cref="AccountService"/> as the administrators would: created,
    /// given the role, its own password, an authenticator enrolled (this step's code). Returns the authenticator secret.
    /// </summary>
    private async Task<string> CreateAuditorAsync()
    {
        AccountService accounts = bare.Server.Services.GetRequiredService<AccountService>();
        (_, string temporary) = await accounts.CreateAsync("test.system", Auditor, "周敏", Ct);
        await accounts.AssignAccessAsync("test.security", Auditor, [Role.AuditAdministrator], null, null, Ct);
        await accounts.ChangePasswordAsync(Auditor, temporary, Password, Ct);
        (string secret, _) = accounts.BeginTwoFactor(Auditor);
        await accounts.ConfirmTwoFactorAsync(Auditor, secret, TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow), Ct);
        return secret;
    }

    private static Task<string[]> ColumnAsync(IPage page, int cell) =>
        page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('#audit-table tbody tr')].map(r => r.cells[{cell}].textContent)");
}
