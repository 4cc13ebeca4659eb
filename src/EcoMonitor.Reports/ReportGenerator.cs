using EcoMonitor.Application.Reports;
using EcoMonitor.Domain;

namespace EcoMonitor.Reports;

/// <summary>
/// Builds a report once and archives it in the three formats (<see cref="IReportArchive.StoreAsync"/>): a regeneration
/// over unchanged data adds no version, over revised data a new one (the old kept). Thread-safe.
/// </summary>
public sealed class ReportGenerator(
    MonthlyAirReportBuilder monthly, AnnualAirReportBuilder annual, DailyBulletinBuilder daily, MonthlyWaterReportBuilder water, PdfRenderer pdf, IReportArchive archive, TimeProvider time)
{
    /// <summary>Builds the report of <paramref name="kind"/> for <paramref name="region"/> and <paramref name="period"/> (valid per <see cref="ReportPeriods.IsValid"/>).</summary>
    public Task<ReportDocument> BuildAsync(ReportKind kind, RegionCode region, string period, CancellationToken cancellationToken) => kind switch
    {
        ReportKind.MonthlyAir => monthly.BuildAsync(region, ReportPeriods.ParseMonth(period), cancellationToken),
        ReportKind.DailyBulletin => daily.BuildAsync(region, ReportPeriods.ParseDay(period), cancellationToken),
        ReportKind.AnnualAir => annual.BuildAsync(region, ReportPeriods.ParseYear(period), cancellationToken),
        ReportKind.MonthlyWater => water.BuildAsync(region, ReportPeriods.ParseMonth(period), cancellationToken),
    };

    /// <summary>The three renderings of <paramref name="document"/>.</summary>
    public IReadOnlyList<(ReportFormat Format, byte[] Content)> Render(ReportDocument document) =>
    [
        (ReportFormat.Docx, DocxRenderer.Render(document)),
        (ReportFormat.Xlsx, XlsxRenderer.Render(document)),
        (ReportFormat.Pdf, pdf.Render(document)),
    ];

    /// <summary>Builds, renders and archives; the archived versions (new or the unchanged latest), one per format.</summary>
    public async Task<IReadOnlyList<(ArchivedReport Report, bool IsNew)>> GenerateAsync(
        ReportKind kind, RegionCode region, string period, string generatedBy, CancellationToken cancellationToken) =>
        await ArchiveAsync(await BuildAsync(kind, region, period, cancellationToken), generatedBy, cancellationToken);

    /// <summary>Renders a built report and archives each format; the archived versions (new or the unchanged latest).</summary>
    public async Task<IReadOnlyList<(ArchivedReport Report, bool IsNew)>> ArchiveAsync(
        ReportDocument document, string generatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        string dataHash = document.DataHash();
        var stored = new List<(ArchivedReport, bool)>(3);
        var now = NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow());
        foreach ((ReportFormat format, byte[] content) in Render(document))
        {
            stored.Add(await archive.StoreAsync(
                new NewReport(document.Kind, document.Region, document.Period, format, dataHash, now, generatedBy, content), cancellationToken));
        }

        return stored;
    }
}
