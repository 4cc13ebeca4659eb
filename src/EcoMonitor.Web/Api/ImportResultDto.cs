using EcoMonitor.Application.Import;

namespace EcoMonitor.Web.Api;

/// <summary>What an import did.</summary>
/// <param name="Accepted">Rows stored.</param>
/// <param name="Inserted">New values.</param>
/// <param name="Unchanged">Values already stored identically (re-import is harmless).</param>
/// <param name="Revised">Values that changed; the earlier value is kept in the history.</param>
/// <param name="ErrorCount">Rows refused.</param>
/// <param name="Errors">The first refused rows (at most 1,000) with line, column and reason.</param>
public sealed record ImportResultDto(int Accepted, int Inserted, int Unchanged, int Revised, int ErrorCount, ImportRowError[] Errors)
{
    /// <summary>Maps an import report.</summary>
    public static ImportResultDto From(ImportReport r) =>
        new(r.Accepted, r.Stored.Inserted, r.Stored.Unchanged, r.Stored.Revised, r.ErrorCount, r.Errors.ToArray());
}
