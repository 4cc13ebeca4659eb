using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// The shipped surface-water sample (the 2026-02-04 CNEMC release of the 20 sample sections, samples/README.md) is
/// imported at start-up and evaluated: each section's daily class equals the class CNEMC published beside the values.
/// </summary>
[Trait("Area", "Standards")]
public sealed class SampleWaterTests : IAsyncLifetime
{
    private readonly ApiFactory _api = ApiFactory.With(new Dictionary<string, string?>
    {
        ["Samples:ObservationsFile"] = RepoFiles.Path("samples/history/water-2026-02-04.csv"),
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task SampleSections_DailyClass_EqualsThePublishedClass()
    {
        Dictionary<string, string> published = PublishedClasses();
        JsonElement sections = default;
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        do
        {
            sections = await _api.GetJsonAsync("/api/v1/water/sections?day=2026-02-04");
            if (sections.EnumerateArray().All(s => s.GetProperty("latest").ValueKind == JsonValueKind.Object))
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(20, sections.GetArrayLength());
        foreach (JsonElement section in sections.EnumerateArray())
        {
            string name = section.GetProperty("station").GetProperty("name").GetString()!;
            Assert.Equal((name, published[name]), (name, section.GetProperty("latest").GetProperty("className").GetString()!));
        }
    }

    [Fact]
    [Trait("Area", "Reports")]
    public async Task WaterCityRanking_OnTheSampleRelease_IsAscendingByCwqi_WithTargetShares()
    {
        await _api.WaitForJsonAsync("/api/v1/water/sections?day=2026-02-04",
            s => s.EnumerateArray().All(x => x.GetProperty("latest").ValueKind == JsonValueKind.Object));

        JsonElement ranking = await _api.GetJsonAsync("/api/v1/rankings/water/cities?period=2026-02");

        decimal[] cwqi = [.. ranking.EnumerateArray().Select(r => r.GetProperty("cwqi").GetDecimal())];
        Assert.True(cwqi.Length > 1, $"{cwqi.Length} cities ranked");
        Assert.Equal(cwqi.Order(), cwqi);
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());
        Assert.Equal(20, ranking.EnumerateArray().Sum(r => r.GetProperty("sections").GetInt32()));
        Assert.All(ranking.EnumerateArray(), r => Assert.InRange(r.GetProperty("sectionsMeetingTarget").GetInt32(), 0, r.GetProperty("sectionsWithTarget").GetInt32()));
        using HttpResponseMessage bad = await _api.Client.GetAsync(new Uri("/api/v1/rankings/water/cities?period=2026-02&by=class", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>Section name → published class in ASCII (I … V, 劣V), from ../shared (skipped locally when absent, failing on CI).</summary>
    private static Dictionary<string, string> PublishedClasses()
    {
        string path = RepoFiles.Shared("data/water_quality/cnemc_surface_water_auto_snapshot_2026-02-04.csv");
        if (!File.Exists(path))
        {
            // Fails on CI, where ../shared is always beside the checkout; skips on a machine without it.
            const string reason = "../shared/data holds no surface-water snapshot";
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", reason);
            Assert.Fail(reason);
        }

        Dictionary<string, string> classes = [];
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] cells = line.Split(',');
            classes.TryAdd(cells[2].Trim(), cells[4].Replace("Ⅴ", "V", StringComparison.Ordinal).Replace("Ⅳ", "IV", StringComparison.Ordinal)
                .Replace("Ⅲ", "III", StringComparison.Ordinal).Replace("Ⅱ", "II", StringComparison.Ordinal).Replace("Ⅰ", "I", StringComparison.Ordinal));
        }

        return classes;
    }
}
