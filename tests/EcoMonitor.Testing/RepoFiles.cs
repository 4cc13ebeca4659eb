namespace EcoMonitor.Testing;

/// <summary>Files of the repository (config/, samples/) and of ../shared beside it, found from a test's output folder.</summary>
public static class RepoFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding EcoMonitor.slnx).</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path inside the repository.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Opens a repository file for reading.</summary>
    public static FileStream Open(string relative) => File.OpenRead(Path(relative));

    /// <summary>A path inside ../shared (the team's shared data and standards, beside the checkout).</summary>
    public static string Shared(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", relative));

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
