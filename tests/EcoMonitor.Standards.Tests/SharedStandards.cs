using System.Text.Json;

namespace EcoMonitor.Standards.Tests;

/// <summary>
/// Files of ../shared (beside the repository root): the cited JSON tables in standards/ to check our transcriptions
/// against, and the real data in data/. Skips locally when a file is absent; fails on CI (CI=true).
/// </summary>
internal static class SharedStandards
{
    public static JsonElement Load(string fileName)
    {
        string path = File("standards/" + fileName);
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The path of <paramref name="relative"/> inside ../shared.</summary>
    public static string File(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "EcoMonitor.slnx")))
            {
                string path = Path.Combine(dir.FullName, "..", "shared", relative);
                if (System.IO.File.Exists(path))
                {
                    return path;
                }
            }
        }

        string reason = $"../shared/{relative} not found beside the repository root";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return "";
    }
}
