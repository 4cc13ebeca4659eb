using System.Globalization;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// An enterprise user (企业用户, docs/security.md "Jurisdictions") in headless Chromium: signs in with the authenticator
/// it enrolled, gets only the alarms tab, and sees its own outlet's alarm but not that of another enterprise in the
/// same county — in the page, and when its own browser asks the API for the other alarm or outlet by id.
/// </summary>
[Trait("Area", "Security")]
[Trait("Area", "Portal")]
public sealed class ConsoleEnterpriseUserTests(BareServer bare) : IClassFixture<BareServer>
{
    private const string Own = "OUT9301";
    private const string Other = "OUT9302";
    private const string User = "jia.dianchang";
    private const string Password = "Jia-Dianchang-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEnterpriseUser_SignsInWithTotp_AndSeesOnlyItsOwnOutletsAlarms()
    {
        using var server = new PortalServer(withConsoleUser: false);
        _ = server.Client;
        await server.RegisterAsync($$"""
            [{"mn":"{{Own}}","name":"甲电厂1号烟气排口","type":"flueGasOutlet","region":"220102","enterprise":"甲电厂","password":"123456"},
             {"mn":"{{Other}}","name":"乙电厂1号烟气排口","type":"flueGasOutlet","region":"220102","enterprise":"乙电厂","password":"123456"}]
            """, Ct);
        foreach (string outlet in new[] { Own, Other })
        {
            await server.PutJsonAsync($"/api/v1/stations/{outlet}/permit-limits", """[{"parameter":"a21026","limit":35,"permitNumber":"91220102MA0000001P"}]""", Ct);
        }

        DateTimeOffset cst = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-3);
        string hour = new DateTimeOffset(cst.Year, cst.Month, cst.Day, cst.Hour, 0, 0, cst.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
        await server.ImportAsync($"{Own},a21026,hour,{hour},80\n{Other},a21026,hour,{hour},90\n", Ct);
        long ownAlarm = await AlarmOfAsync(server, Own);
        long otherAlarm = await AlarmOfAsync(server, Other);

        AccountService accounts = server.Services.GetRequiredService<AccountService>();
        (_, string temporary) = await accounts.CreateAsync("test.security", User, "甲电厂环保专员", Ct);
        await accounts.AssignAccessAsync("test.security", User, [Role.EnterpriseUser], RegionCode.Parse("220102"), "甲电厂", Ct);
        await accounts.ChangePasswordAsync(User, temporary, Password, Ct);
        (string secret, _) = accounts.BeginTwoFactor(User);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await accounts.ConfirmTwoFactorAsync(User, secret, TotpAuthenticator.CodeAt(secret, now), Ct);

        IPage page = await (await bare.BrowserAsync()).NewPageAsync(server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", User);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login");
        await page.Locator("#code").WaitForAsync();
        await page.FillAsync("#code", TotpAuthenticator.CodeAt(secret, now.AddSeconds(30)));
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));

        // Only the alarms tab: no network status, registry, frames, review, accounts or audit.
        await page.WaitForSelectorAsync($"#alarm-table tr[data-alarm-row='{ownAlarm}']");
        foreach (string tab in new[] { "status", "registry", "frames", "review", "accounts", "audit" })
        {
            Assert.True(await page.Locator("#tab-" + tab).IsHiddenAsync(), tab);
        }

        Assert.Equal(0, await page.Locator($"#alarm-table tr[data-alarm-row='{otherAlarm}']").CountAsync());
        Assert.DoesNotContain(Other, await page.InnerTextAsync("#alarm-table"), StringComparison.Ordinal);
        Assert.Contains(Own, await page.InnerTextAsync("#alarm-table"), StringComparison.Ordinal);

        // The other enterprise's alarm and outlet, asked for by the user's own session: unknown, as if they did not exist.
        JsonElement answers = await page.EvaluateAsync<JsonElement>($$"""
            async () => {
              const status = async p => (await fetch(p, { credentials: 'same-origin' })).status;
              return [await status('/api/v1/alarms/{{otherAlarm}}'), await status('/api/v1/stations/{{Other}}/permit-limits'),
                      await status('/api/v1/alarms/{{ownAlarm}}'), await status('/api/v1/stations/{{Own}}/permit-limits')];
            }
            """);
        Assert.Equal([404, 404, 200, 200], answers.EnumerateArray().Select(a => a.GetInt32()));
        await Browser.ScreenshotAsync(page, "console-enterprise-user");
    }

    private static async Task<long> AlarmOfAsync(PortalServer server, string outlet)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            JsonElement alarms = await server.StaffJsonAsync($"/api/v1/alarms?station={outlet}", Ct);
            if (alarms.EnumerateArray().FirstOrDefault(a => a.GetProperty("ruleId").GetString() == "outlet-so2-permit") is { ValueKind: JsonValueKind.Object } alarm)
            {
                return alarm.GetProperty("id").GetInt64();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no permit alarm for {outlet} within 120 s; last answer {alarms}");
            }

            await Task.Delay(200, Ct);
        }
    }
}
