namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Decodes the rows of a long read in chunks on the thread pool while the reader goes on reading, so that decoding
/// (objects for every value: the larger part of a station-year's read) overlaps the transfer and uses every core. A
/// read shorter than one chunk is decoded on the caller's thread when it ends.
/// </summary>
internal sealed class ChunkedDecoder<TRow, TResult>(Func<List<TRow>, TResult> decode, int chunkRows = 1_024)
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
