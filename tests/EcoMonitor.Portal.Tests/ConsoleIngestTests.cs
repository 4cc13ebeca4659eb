using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Portal.Tests;

/// <summary>The console's live ingest view, fed by a data logger over real TCP.</summary>
[Trait("Area", "Portal")]
public sealed class ConsoleIngestTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Mn = "1431A";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Console_ShowsTheStationOnline_ItsRawFramesWithPasswordMasked_AndRejectionsByReason()
    {
        await using (FakeStation station = await FakeStation.ConnectAsync(portal.Server.GatewayPort, Ct))
        {
            await station.SendAsync(HourFrame(SampleNetwork.PasswordOf(Mn), "20260101000000001"), Ct);
            Assert.NotNull(await station.ReadReplyAsync(TimeSpan.FromSeconds(10), Ct));
            await station.SendAsync(HourFrame("wrong-password", "20260101000000002"), Ct);
            Assert.NotNull(await station.ReadReplyAsync(TimeSpan.FromSeconds(10), Ct));
        }

        IPage page = await portal.SignedInConsoleAsync();
        await page.WaitForSelectorAsync("#status-table tbody tr");

        ILocator row = page.Locator("#status-table tbody tr", new PageLocatorOptions { HasText = Mn });
        Assert.Contains("在线", await row.InnerTextAsync());
        Assert.Contains("Rejected", await row.InnerTextAsync());
        Assert.Equal(1, await page.Locator("#status-table .online").CountAsync());
        Assert.NotEmpty(await page.Locator("#rejected tbody tr").AllInnerTextsAsync());

        await page.ClickAsync("#tab-frames");
        await page.WaitForSelectorAsync($"#frame-station option[value='{Mn}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#frame-station", Mn);
        await page.WaitForSelectorAsync("#frames-table tbody tr");

        Assert.Equal(2, await page.Locator("#frames-table tbody tr").CountAsync());
        string frames = await page.InnerTextAsync("#frames-table");
        Assert.Contains("PW=******", frames);
        Assert.DoesNotContain(SampleNetwork.PasswordOf(Mn), frames);
        Assert.DoesNotContain("wrong-password", frames);
        Assert.Contains("Accepted", frames);
        await Browser.ScreenshotAsync(page, "console-frames");
    }

    private static byte[] HourFrame(string password, string qn)
    {
        Hj212Message message = new();
        message.SetHeader("QN", qn);
        message.SetHeader("ST", "22");
        message.SetHeader("CN", "2061");
        message.SetHeader("PW", password);
        message.SetHeader("MN", Mn);
        message.SetHeader("Flag", "5");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", "20191221080000")]));
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("a34004-Avg", "35"), new Hj212TextField("a34004-Flag", "N")]));
        return Hj212Formatter.Format(message, Encoding.UTF8);
    }
}
