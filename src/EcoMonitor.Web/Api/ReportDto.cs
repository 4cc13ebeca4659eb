using EcoMonitor.Application.Reports;
using EcoMonitor.Reports;

namespace EcoMonitor.Web.Api;

/// <summary>One archived version of a report document.</summary>
/// <param name="Id">Archive id: <c>GET /api/v1/reports/{id}</c> downloads it.</param>
/// <param name="Kind"><c>daily-bulletin</c>, <c>monthly-air</c>, <c>annual-air</c> or <c>monthly-water</c>.</param>
/// <param name="Region">Province or city region code.</param>
/// <param name="Period"><c>yyyy-MM-dd</c> (daily bulletin) or <c>yyyy-MM</c> (monthly report).</param>
/// <param name="Format"><c>docx</c>, <c>xlsx</c> or <c>pdf</c>.</param>
/// <param name="Version">1, then +1 for each regeneration over revised data.</param>
/// <param name="FileName">The download's file name.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ContentHash">SHA-256 of the file, hex.</param>
/// <param name="GeneratedAt">When it was generated (ISO 8601, +08:00).</param>
/// <param name="GeneratedBy">Who generated it (a user name, or <c>system:schedule</c>).</param>
/// <param name="IsNew">In the answer of a generation: true when this version was added by it (false: the data were unchanged and the latest version stands).</param>
public sealed record ReportDto(
    long Id, string Kind, string Region, string Period, string Format, int Version, string FileName, long Size, string ContentHash,
    string GeneratedAt, string GeneratedBy, bool? IsNew)
{
    /// <summary>Maps an archived version.</summary>
    public static ReportDto From(ArchivedReport r, bool? isNew = null) => new(
        r.Id, ReportCodes.Of(r.Kind), r.Region, r.Period, ReportCodes.Of(r.Format), r.Version, ReportDocument.FileName(r), r.Size,
        r.ContentHash, ApiTime.Format(r.GeneratedAt), r.GeneratedBy, isNew);
}
