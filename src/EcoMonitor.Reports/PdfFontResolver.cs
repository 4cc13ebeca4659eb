using PdfSharp.Fonts;

namespace EcoMonitor.Reports;

/// <summary>
/// PDFsharp's font source: every family resolves to the one CJK font file of <see cref="ReportOptions.PdfFontFile"/>
/// (face 0 of a collection), bold simulated. PDFsharp's resolver is process-wide and can be set once: the first
/// <see cref="Install"/> wins and later calls with another file are ignored. Thread-safe.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    /// <summary>The face name PDFsharp caches the font under.</summary>
    public const string FaceName = "report-cjk";

    private static readonly Lock Gate = new();
    private static bool _isInstalled;
    private readonly Lazy<byte[]> _font;

    private PdfFontResolver(string path) =>
        _font = new Lazy<byte[]>(() => TrueTypeCollection.Face(File.ReadAllBytes(path), 0), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes PDFsharp read <paramref name="path"/> (once per process).</summary>
    public static void Install(string path)
    {
        lock (Gate)
        {
            if (_isInstalled)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new PdfFontResolver(path);
            _isInstalled = true;
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName, bold, italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => _font.Value;
}
