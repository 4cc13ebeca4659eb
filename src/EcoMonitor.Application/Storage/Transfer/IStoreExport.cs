namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>Reads a store's tables page by page in key order, for copying into another store (<c>ecomon migrate</c>).</summary>
public interface IStoreExport
{
    /// <summary>Rows of <paramref name="table"/> (one of <see cref="TransferTables.All"/>).</summary>
    Task<long> CountAsync(string table, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> rows after <paramref name="cursor"/> (null: from the start).</summary>
    Task<TransferChunk> ReadAsync(string table, string? cursor, int limit, CancellationToken cancellationToken);
}
