using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// The web root as the static file middleware may see it: only the files meant for the public, by an allow-list of
/// kinds — pages (<c>.html</c>), scripts, style sheets, images, fonts, the map data under <c>geo/</c> (<c>.json</c>),
/// and the build's <c>.br</c>/<c>.gz</c> copies of those. Everything else in wwwroot (its READMEs, anything a later
/// change drops there by mistake) does not exist for the middleware: 404. A path with a segment starting with a dot
/// (hidden files, <c>.</c>, <c>..</c>) or holding a backslash is refused whatever it names. Names are compared
/// ordinally (an extension in other letter cases is refused rather than guessed). Thread-safe (stateless).
/// </summary>
internal sealed class PublicFileProvider(IFileProvider root) : IFileProvider
{
    private static readonly string[] PublicExtensions =
        [".html", ".js", ".css", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2"];

    /// <summary>The folder whose <c>.json</c> files are public (map boundaries and region names).</summary>
    private const string GeoFolder = "geo";

    public IFileInfo GetFileInfo(string subpath) => IsPublic(subpath) ? root.GetFileInfo(subpath) : new NotFoundFileInfo(subpath);

    // Directory contents are asked for by UseDefaultFiles only (no directory browsing is served).
    public IDirectoryContents GetDirectoryContents(string subpath) =>
        HasOnlyPlainSegments(subpath, out _) ? root.GetDirectoryContents(subpath) : NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => root.Watch(filter);

    /// <summary>True when <paramref name="subpath"/> names a kind of file meant for the public.</summary>
    public static bool IsPublic(string subpath)
    {
        if (!HasOnlyPlainSegments(subpath, out List<string> segments) || segments.Count == 0)
        {
            return false;
        }

        string name = PrecompressedStaticFiles.OriginalName(segments[^1]);
        string extension = Path.GetExtension(name);
        if (string.Equals(extension, ".json", StringComparison.Ordinal))
        {
            return segments.Count > 1 && string.Equals(segments[0], GeoFolder, StringComparison.Ordinal);
        }

        return Array.IndexOf(PublicExtensions, extension) >= 0;
    }

    /// <summary>The non-empty segments of <paramref name="subpath"/>; false when one is hidden, a dot segment or holds a backslash.</summary>
    private static bool HasOnlyPlainSegments(string subpath, out List<string> segments)
    {
        segments = [];
        foreach (string segment in subpath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('.') || segment.Contains('\\', StringComparison.Ordinal) || segment.Contains('\0', StringComparison.Ordinal))
            {
                return false;
            }

            segments.Add(segment);
        }

        return true;
    }
}
