using System.Security.Cryptography;
using System.Text;
using EcoMonitor.Application.Reports;

namespace EcoMonitor.Reports;

/// <summary>
/// A report's content independent of its format: title, subtitle and blocks, built from the numbers the API serves
/// (<see cref="MonthlyAirReportBuilder"/>, <see cref="DailyBulletinBuilder"/>) and rendered by
/// <see cref="DocxRenderer"/>, <see cref="XlsxRenderer"/> and <see cref="PdfRenderer"/>. Immutable.
/// </summary>
/// <param name="Kind">What the report is.</param>
/// <param name="Region">The region code it covers.</param>
/// <param name="Period">Its period (<c>yyyy-MM-dd</c> or <c>yyyy-MM</c>).</param>
/// <param name="Title">The title, e.g. 四川省环境空气质量月报.</param>
/// <param name="Subtitle">The subtitle, e.g. 2019年12月.</param>
/// <param name="Blocks">Headings, paragraphs, tables and charts in order.</param>
public sealed record ReportDocument(ReportKind Kind, string Region, string Period, string Title, string Subtitle, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>The download file name of an archived version, e.g. <c>monthly-air-510000-2019-12-v1.pdf</c>.</summary>
    public static string FileName(ArchivedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{ReportCodes.Of(report.Kind)}-{report.Region}-{report.Period}-v{report.Version}.{ReportCodes.Of(report.Format)}";
    }

    /// <summary>
    /// SHA-256 (hex) of what the document shows: equal for the same numbers and text, whatever the format and the
    /// moment of rendering; a revision of the data changes it.
    /// </summary>
    public string DataHash()
    {
        var text = new StringBuilder().Append(Title).Append('\n').Append(Subtitle);
        foreach (ReportBlock block in Blocks)
        {
            text.Append('\n').Append(block.HashText());
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// True when some unit has data for the period (a valid day of the month, an AQI of the day); the schedule archives no
    /// report of nothing. Not part of <see cref="DataHash"/> (it follows from the tables).
    /// </summary>
    public bool HasData { get; init; } = true;

    /// <summary>The tables, in order.</summary>
    public IEnumerable<ReportTable> Tables => Blocks.OfType<ReportTable>();
}
