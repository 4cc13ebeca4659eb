using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's ingest page shows the background work set aside after repeated failures (docs/adr/0027) — kind,
/// station, day, attempts, error — and puts one back with its retry button, signed in with the console cookie.
/// </summary>
[Trait("Area", "Portal")]
[Trait("Area", "Security")]
public sealed class ConsoleSetAsideWorkTests : IAsyncLifetime
{
    private readonly PortalServer _server = new(settings: new Dictionary<string, string?> { ["Work:RetryDelay"] = "00:00:00.100" });
    private Browser? _browser;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // PM2.5 at 9999-12-31 23:00 CST (the DataTime 99991231230000 the door now refuses), as an older version or
        // `ecomon import` left it in the store: every worker fails on that day and sets it aside.
        await StoreAsync(new Observation
        {
            Station = StationId.Parse("1431A"), Parameter = ParameterCode.Parse("a34004"), Interval = ObservationInterval.Hour,
            PeriodStart = Instant.FromUtc(9999, 12, 31, 15, 0), Value = 35m, ReceivedAt = Instant.FromUtc(2026, 3, 3, 0, 0),
        });
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await SetAsideAsync()).GetArrayLength() < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        _browser = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task IngestPage_ListsSetAsideWork_AndItsRetryButtonPutsItBack()
    {
        IPage page = await _browser!.NewPageAsync(_server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        await page.WaitForSelectorAsync("#set-aside-table tbody tr");

        Assert.Equal(3, await page.Locator("#set-aside-table tbody tr").CountAsync());
        ILocator quality = page.Locator("#set-aside-table tbody tr", new PageLocatorOptions { HasText = "质控" });
        string row = await quality.InnerTextAsync();
        Assert.Contains("1431A", row, StringComparison.Ordinal);
        Assert.Contains("9999-12-31", row, StringComparison.Ordinal);
        Assert.Contains("System.OverflowException", row, StringComparison.Ordinal);
        Assert.Contains("搁置的后台任务", await page.InnerTextAsync("#pane-status"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#status-summary:has-text('搁置任务: 3')");
        await Browser.ScreenshotAsync(page, "console-set-aside");

        await quality.Locator("button").ClickAsync();
        await quality.Locator("text=已重新排队").WaitForAsync();

        using HttpRequestMessage request = new(HttpMethod.Get, new Uri("/api/v1/audit?subjectType=work", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PortalServer.AdminKey);
        using HttpResponseMessage response = await _server.Client.SendAsync(request, Ct);
        JsonElement entry = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal(("work.retried", PortalServer.ConsoleUser), (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _server.Dispose();
    }

    /// <summary>Stores an observation through the store API into the server's file before the server starts.</summary>
    private async Task StoreAsync(Observation observation)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = _server.DatabasePath }).Build());
        services.AddSqliteStorage();
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);
            await provider.GetRequiredService<IObservationStore>().AppendAsync([observation], Ct);
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task<JsonElement> SetAsideAsync()
    {
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri("/api/v1/work/set-aside", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PortalServer.AdminKey);
        using HttpResponseMessage response = await _server.Client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
