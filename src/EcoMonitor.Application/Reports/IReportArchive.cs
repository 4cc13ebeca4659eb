namespace EcoMonitor.Application.Reports;

/// <summary>
/// The archive of generated report documents (docs/adr/0038): every version kept, never changed or deleted.
/// Implementations are thread-safe and safe across nodes (the version is assigned in the store).
/// </summary>
public interface IReportArchive
{
    /// <summary>
    /// Archives <paramref name="report"/> as the next version of its kind, region, period and format — unless the latest
    /// version shows the same data (equal <see cref="NewReport.DataHash"/>), which is returned instead and nothing is
    /// written. <c>IsNew</c> tells which.
    /// </summary>
    Task<(ArchivedReport Report, bool IsNew)> StoreAsync(NewReport report, CancellationToken cancellationToken);

    /// <summary>Archived versions matching <paramref name="query"/>, newest first (by id).</summary>
    Task<IReadOnlyList<ArchivedReport>> ListAsync(ReportQuery query, CancellationToken cancellationToken);

    /// <summary>One archived version, or null.</summary>
    Task<ArchivedReport?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The bytes of one archived version, or null when there is none.</summary>
    Task<byte[]?> ReadContentAsync(long id, CancellationToken cancellationToken);
}
