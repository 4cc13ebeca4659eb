namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>
/// One table as <c>ecomon migrate</c> copies it: the columns of its neutral layout, in row order, and the columns of
/// its key (the order pages are read in; empty when the engine's own key is used, see <see cref="TransferTables"/>).
/// </summary>
/// <param name="Name">The table's name (the same in every engine).</param>
/// <param name="Columns">The neutral layout of a row.</param>
/// <param name="Key">The key columns, a subset of <paramref name="Columns"/>; empty for observations and raw frames.</param>
/// <param name="KeepsSourceIds">
/// True when the rows keep their identities (audit sequence numbers, alarm and review ids that other rows and the audit
/// trail refer to): such a table must be empty in the target when its copy starts.
/// </param>
public sealed record TransferTable(string Name, IReadOnlyList<TransferColumn> Columns, IReadOnlyList<string> Key, bool KeepsSourceIds = false)
{
    /// <summary>The column names joined by commas, for SQL.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}
