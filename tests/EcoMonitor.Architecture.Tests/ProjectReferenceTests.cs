using System.Reflection;

namespace EcoMonitor.Architecture.Tests;

/// <summary>
/// The dependency rules of STYLE §2: each of our assemblies may reference only the EcoMonitor assemblies listed
/// for it. Read from the compiled assemblies' references, so a forbidden edge fails however it was added.
/// </summary>
[Trait("Area", "Spine")]
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["EcoMonitor.Domain"] = [],
        ["EcoMonitor.Protocol.Hj212"] = [],
        ["EcoMonitor.Standards"] = ["EcoMonitor.Domain"],
        ["EcoMonitor.Quality"] = ["EcoMonitor.Domain"],
        ["EcoMonitor.Application"] = ["EcoMonitor.Domain", "EcoMonitor.Standards", "EcoMonitor.Quality"],
        ["EcoMonitor.Storage.Sqlite"] = ["EcoMonitor.Application", "EcoMonitor.Domain", "EcoMonitor.Quality"],
        ["EcoMonitor.Storage.Postgres"] = ["EcoMonitor.Application", "EcoMonitor.Domain", "EcoMonitor.Quality"],
        ["EcoMonitor.Reports"] = ["EcoMonitor.Application", "EcoMonitor.Domain", "EcoMonitor.Standards"],
        ["EcoMonitor.Gateway"] = ["EcoMonitor.Protocol.Hj212", "EcoMonitor.Application", "EcoMonitor.Domain"],
    };

    public static TheoryData<string> OurAssemblies()
    {
        TheoryData<string> data = [];
        foreach (string name in LoadAll().Select(a => a.GetName().Name!).Where(Allowed.ContainsKey).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OurAssemblies))]
    public void Assembly_ReferencesOnlyAllowedProjects(string assemblyName)
    {
        Assembly assembly = LoadAll().Single(a => a.GetName().Name == assemblyName);
        string[] forbidden = assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("EcoMonitor.", StringComparison.Ordinal) && !Allowed[assemblyName].Contains(n))
            .ToArray();

        Assert.True(forbidden.Length == 0, $"{assemblyName} must not reference {string.Join(", ", forbidden)} (STYLE §2).");
    }

    [Fact]
    public void Core_IsLoaded_SoTheRulesAreChecked()
    {
        string[] names = LoadAll().Select(a => a.GetName().Name!).ToArray();
        Assert.Contains("EcoMonitor.Domain", names);
        Assert.Contains("EcoMonitor.Gateway", names);
        Assert.Contains("EcoMonitor.Storage.Sqlite", names);
    }

    private static IEnumerable<Assembly> LoadAll()
    {
        string directory = AppContext.BaseDirectory;
        foreach (string path in Directory.GetFiles(directory, "EcoMonitor.*.dll"))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (!name.EndsWith(".Tests", StringComparison.Ordinal) && name != "EcoMonitor.Benchmarks")
            {
                yield return Assembly.LoadFrom(path);
            }
        }
    }
}
