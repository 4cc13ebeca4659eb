namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Decodes the rows of a long read in chunks on the thread pool while the reader goes on reading, so that decoding
/// (objects for every value: the larger part of a station-year's read) overlaps the transfer and uses every core. A
/// read shorter than one chunk is decoded on the caller's thread when it ends.
/// </summary>
internal static class ChunkedDecoder
{
    /// <summary>
    /// Rows per chunk: a chunk's values (about 6 per row, 16 bytes each) stay below the large object heap's 85,000
    /// bytes, whose allocations each count towards a full collection.
    /// </summary>
    public const int ChunkRows = 512;
}

/// <summary>The decoder itself (<see cref="ChunkedDecoder"/>).</summary>
internal sealed class ChunkedDecoder<TRow, TResult>(Func<List<TRow>, TResult> decode, int chunkRows = ChunkedDecoder.ChunkRows)
{
    private readonly List<Task<TResult>> _chunks = [];
    private List<TRow> _current = new(chunkRows);

    public void Add(TRow row)
    {
        _current.Add(row);
        if (_current.Count == chunkRows)
        {
            List<TRow> full = _current;
            _chunks.Add(Task.Run(() => decode(full)));
            _current = new List<TRow>(chunkRows);
        }
    }

    /// <summary>Each chunk's result, in the order of the rows.</summary>
    public async Task<TResult[]> FinishAsync()
    {
        if (_current.Count > 0)
        {
            _chunks.Add(Task.FromResult(decode(_current)));
        }

        return await Task.WhenAll(_chunks);
    }
}
