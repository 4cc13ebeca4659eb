namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>
/// A page of one table's rows in the neutral layout of <see cref="TransferTables"/>, in key order, and the cursor
/// after its last row (an opaque text of the source's key; the cursor asked with when the page is empty).
/// </summary>
public sealed record TransferChunk(IReadOnlyList<object?[]> Rows, string? Cursor);
