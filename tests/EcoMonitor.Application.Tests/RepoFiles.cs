namespace EcoMonitor.Application.Tests;

/// <summary>Files shipped in the repository (config/, samples/), found from the test's output folder.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    public static FileStream Open(string relative) => File.OpenRead(Path(relative));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EcoMonitor.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EcoMonitor.slnx not found above " + AppContext.BaseDirectory);
    }
}
