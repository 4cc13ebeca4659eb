namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>
/// Writes pages read by <see cref="IStoreExport"/> into a store, each page and the cursor reached in one transaction,
/// so that a copy interrupted anywhere resumes after the last committed page and stores nothing twice.
/// </summary>
public interface IStoreImport
{
    /// <summary>The cursor after the last committed page of <paramref name="table"/>, or null when none was copied.</summary>
    Task<string?> CursorAsync(string table, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="chunk"/>'s rows and its cursor atomically.</summary>
    Task WriteAsync(string table, TransferChunk chunk, CancellationToken cancellationToken);

    /// <summary>Rows of <paramref name="table"/> in this store (for the final count check).</summary>
    Task<long> CountAsync(string table, CancellationToken cancellationToken);
}
