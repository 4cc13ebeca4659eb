using NodaTime;

namespace EcoMonitor.Application.Reports;

/// <summary>One archived version of a report document (without its bytes: <see cref="IReportArchive.ReadContentAsync"/>).</summary>
/// <param name="Id">The archive's id (kept by <c>ecomon migrate</c>).</param>
/// <param name="Kind">What the document is.</param>
/// <param name="Region">The region code it covers.</param>
/// <param name="Period">Its period (<c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>).</param>
/// <param name="Format">Its file format.</param>
/// <param name="Version">1 for the first generation of this kind, region, period and format; +1 for each regeneration over revised data.</param>
/// <param name="ContentHash">SHA-256 (hex) of the bytes.</param>
/// <param name="DataHash">SHA-256 (hex) of the numbers and text shown (<see cref="NewReport.DataHash"/>).</param>
/// <param name="Size">Bytes.</param>
/// <param name="GeneratedAt">When it was generated.</param>
/// <param name="GeneratedBy">Who generated it.</param>
public sealed record ArchivedReport(
    long Id, ReportKind Kind, string Region, string Period, ReportFormat Format, int Version, string ContentHash, string DataHash,
    long Size, Instant GeneratedAt, string GeneratedBy);
