using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Portal.Tests;

/// <summary>The console's raw frame viewer with a data logger that encodes Chinese text in GBK, over real TCP.</summary>
[Trait("Area", "Portal")]
public sealed class ConsoleGbkFrameTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RawFrames_OfAGbkStation_ShowItsChineseTextDecodedAsGbk()
    {
        const string gbkStation = "GBK0001";
        Encoding gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        await portal.Server.RegisterAsync(
            $$"""[{"mn":"{{gbkStation}}","name":"测试化工废水排口","type":"wasteWaterOutlet","region":"220102","enterprise":"测试化工","password":"654321","encoding":"gbk"}]""", Ct);
        // HJ 212-2017 CN 3020 (upload of site information) with an information text in Chinese, encoded as the
        // station's logger does: GBK, 2 bytes per character.
        Hj212Message message = new();
        message.SetHeader("QN", "20260101000000003");
        message.SetHeader("ST", "32");
        message.SetHeader("CN", "3020");
        message.SetHeader("PW", "654321");
        message.SetHeader("MN", gbkStation);
        message.SetHeader("Flag", "4");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", "20260101080000"), new Hj212TextField("i12001-Info", "设备故障：采样泵停止")]));
        byte[] frame = Hj212Formatter.Format(message, gbk);
        Assert.True(frame.AsSpan().IndexOf(gbk.GetBytes("设备故障")) > 0, "the frame carries GBK bytes");
        Assert.False(System.Text.Unicode.Utf8.IsValid(frame), "GBK Chinese is not valid UTF-8");
        await using (FakeStation station = await FakeStation.ConnectAsync(portal.Server.GatewayPort, Ct))
        {
            await station.SendAsync(frame, Ct);
            await station.ReadReplyAsync(TimeSpan.FromSeconds(2), Ct);
        }

        IPage page = await portal.SignedInConsoleAsync();
        await page.ClickAsync("#tab-frames");
        await page.WaitForSelectorAsync($"#frame-station option[value='{gbkStation}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#frame-station", gbkStation);
        await page.WaitForSelectorAsync("#frames-table tbody tr");

        string frames = await page.InnerTextAsync("#frames-table");
        Assert.Contains("i12001-Info=设备故障：采样泵停止", frames);
        Assert.Contains("GBK", frames);
        Assert.DoesNotContain("\uFFFD", frames);
        Assert.Contains("PW=******", frames);
        await Browser.ScreenshotAsync(page, "console-frames-gbk");
    }
}
