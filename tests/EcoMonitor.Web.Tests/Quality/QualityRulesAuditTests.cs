using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Quality;

/// <summary>The quality rules file is recorded in the audit trail at start-up: once when first loaded, again only when it changed.</summary>
[Trait("Area", "Quality")]
public sealed class QualityRulesAuditTests
{
    [Fact]
    public async Task RulesFile_RecordedWhenFirstLoaded_AndWhenChanged_NotWhenUnchanged()
    {
        string directory = Directory.CreateTempSubdirectory("ecomon-rules-").FullName;
        string rules = Path.Combine(directory, "quality-rules.json");
        string database = Path.Combine(directory, "ecomonitor.db");
        File.Copy(RepoFiles.Path("config/quality-rules.json"), rules);
        string original = Sha256(rules);

        JsonElement[] first = await StartAndReadAsync(rules, database);
        JsonElement loaded = Assert.Single(first);
        Assert.Equal("config.loaded", loaded.GetProperty("action").GetString());
        Assert.Equal(original, loaded.GetProperty("after").GetProperty("sha256").GetString());

        Assert.Single(await StartAndReadAsync(rules, database)); // unchanged: nothing new

        string text = await File.ReadAllTextAsync(rules, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(rules, text.Replace("\"futureToleranceMinutes\": 10", "\"futureToleranceMinutes\": 15", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Assert.NotEqual(original, Sha256(rules));
        JsonElement[] third = await StartAndReadAsync(rules, database);
        Assert.Equal(2, third.Length);
        JsonElement changed = third[0];
        Assert.Equal("config.changed", changed.GetProperty("action").GetString());
        Assert.Equal(original, changed.GetProperty("before").GetProperty("sha256").GetString());
        Assert.Equal(Sha256(rules), changed.GetProperty("after").GetProperty("sha256").GetString());
    }

    private static async Task<JsonElement[]> StartAndReadAsync(string rules, string database)
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Quality:RulesFile"] = rules, ["Storage:Sqlite:Path"] = database });
        using HttpResponseMessage response = await api.GetAsync("/api/v1/audit?subjectType=config&subjectId=quality-rules", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement entries = await ApiFactory.ReadJsonAsync(response);
        return [.. entries.EnumerateArray()];
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
