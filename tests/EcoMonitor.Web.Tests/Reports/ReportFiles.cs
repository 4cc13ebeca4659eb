using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>
/// Reads report files back as a person would: DOCX tables with the Open XML SDK (and its validator), XLSX sheets with
/// MiniExcel, PDF text with pdftotext and pages with pdftoppm (poppler-utils).
/// </summary>
internal static class ReportFiles
{
    /// <summary>The rows (cell texts) of the table whose caption starts with <paramref name="caption"/>, without its header.</summary>
    public static List<string[]> DocxTable(byte[] docx, string caption)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        W.Body body = word.MainDocumentPart!.Document!.Body!;
        W.Table table = body.Elements<W.Table>().First(t => t.PreviousSibling<W.Paragraph>()!.InnerText.StartsWith(caption, StringComparison.Ordinal));
        return [.. table.Elements<W.TableRow>().Skip(1).Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray())];
    }

    /// <summary>The Open XML validator's errors of <paramref name="docx"/>, one line each.</summary>
    public static string[] DocxErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        return [.. new OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>The rows of a workbook sheet, by header.</summary>
    public static List<IDictionary<string, object>> XlsxSheet(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()];
    }

    /// <summary>The PDF's text (pdftotext -layout).</summary>
    public static string PdfText(byte[] pdf) => WithFile(pdf, path => Run("pdftotext", $"-layout {path} -"));

    /// <summary>Renders every page with pdftoppm; the number of pages rendered.</summary>
    public static int Render(byte[] pdf)
    {
        string directory = Directory.CreateTempSubdirectory("report-pages").FullName;
        try
        {
            string path = Path.Combine(directory, "report.pdf");
            File.WriteAllBytes(path, pdf);
            Run("pdftoppm", $"-r 30 -png {path} {Path.Combine(directory, "page")}");
            return Directory.GetFiles(directory, "page*.png").Length;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// With <c>ECOMON_REPORT_PAGES</c> set to a directory, writes the first page of <paramref name="pdf"/> there as
    /// <paramref name="name"/>.png (60 dpi) — how docs/reports.md's images are made; otherwise nothing.
    /// </summary>
    public static void SavePageWhenAsked(byte[] pdf, string name)
    {
        string? directory = Environment.GetEnvironmentVariable("ECOMON_REPORT_PAGES");
        if (!string.IsNullOrEmpty(directory))
        {
            WithFile(pdf, path => Run("pdftoppm", $"-r 60 -png -f 1 -l 1 -singlefile {path} {Path.Combine(directory, name)}"));
        }
    }

    private static string WithFile(byte[] pdf, Func<string, string> use)
    {
        string path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils installed?).");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
