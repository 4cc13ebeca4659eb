using System.Security.Cryptography;
using NodaTime;

namespace EcoMonitor.Application.Reports;

/// <summary>A generated report document to archive (<see cref="IReportArchive.StoreAsync"/>).</summary>
/// <param name="Kind">What the document is.</param>
/// <param name="Region">The 6-digit region code it covers (a province or a city).</param>
/// <param name="Period">The period, <c>yyyy-MM-dd</c> (daily bulletin), <c>yyyy-MM</c> (monthly report) or <c>yyyy</c> (annual report).</param>
/// <param name="Format">The file format.</param>
/// <param name="DataHash">SHA-256 (hex) of the numbers and text the document shows: equal for two renderings of the same data, so a regeneration over unrevised data adds no version.</param>
/// <param name="GeneratedAt">When it was generated.</param>
/// <param name="GeneratedBy">Who generated it: a user name, or <c>system:schedule</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record NewReport(
    ReportKind Kind, string Region, string Period, ReportFormat Format, string DataHash, Instant GeneratedAt, string GeneratedBy, byte[] Content)
{
    /// <summary>SHA-256 (lower-case hex) of <see cref="Content"/>, as archived.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Content));
}
