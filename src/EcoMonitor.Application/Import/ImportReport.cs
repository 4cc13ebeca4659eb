using EcoMonitor.Application.Storage;

namespace EcoMonitor.Application.Import;

/// <summary>What an import did: rows stored (and how) and rows refused with their reasons.</summary>
/// <param name="Stored">What appending the good rows did (inserted, unchanged resends, revised values).</param>
/// <param name="ErrorCount">Rows refused.</param>
/// <param name="Errors">The first refused rows, at most the importer's listing limit.</param>
public sealed record ImportReport(AppendResult Stored, int ErrorCount, IReadOnlyList<ImportRowError> Errors)
{
    /// <summary>Rows stored.</summary>
    public int Accepted => Stored.Total;
}
