using System.Text.Json;

namespace EcoMonitor.Standards.Tests;

/// <summary>
/// The cited JSON tables in ../shared/standards (beside the repository root), to check our transcriptions against.
/// Skips locally when absent; fails on CI (CI=true).
/// </summary>
internal static class SharedStandards
{
    public static JsonElement Load(string fileName)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcoMonitor.slnx")))
            {
                string path = Path.Combine(dir.FullName, "..", "shared", "standards", fileName);
                if (File.Exists(path))
                {
                    using var document = JsonDocument.Parse(File.ReadAllText(path));
                    return document.RootElement.Clone();
                }
            }
        }

        string reason = $"../shared/standards/{fileName} not found beside the repository root";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return default;
    }
}
