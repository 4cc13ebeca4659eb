using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The values of a write that may move each stream's latest values (<see cref="PackedLatest"/>). A stream whose only
/// candidates are one whole new row is marked so: its latest row is that row's text (every period offset 0).
/// </summary>
internal sealed class LatestCandidates
{
    private readonly Dictionary<int, Stream> _streams = [];

    public int Count => _streams.Count;

    public IEnumerable<(int Stream, Stream Candidates)> All => _streams.Select(s => (s.Key, s.Value));

    /// <summary>A whole new row written for <paramref name="period"/>: its entries (sorted by parameter).</summary>
    public void AddRow(int stream, Instant period, List<StoredValue> entries)
    {
        if (_streams.TryGetValue(stream, out Stream? existing))
        {
            existing.Add(entries);
        }
        else
        {
            _streams.Add(stream, new Stream(entries, period));
        }
    }

    /// <summary>One value written.</summary>
    public void Add(int stream, StoredValue value)
    {
        if (_streams.TryGetValue(stream, out Stream? existing))
        {
            existing.Add([value]);
        }
        else
        {
            _streams.Add(stream, new Stream([value], null));
        }
    }

    /// <summary>One stream's candidates.</summary>
    internal sealed class Stream(List<StoredValue> values, Instant? period)
    {
        private bool _owned;

        /// <summary>The candidate values (not to be changed by callers: may be a written row's own list).</summary>
        public List<StoredValue> Values { get; private set; } = values;

        /// <summary>The period of the one whole new row that is all the candidates, else null.</summary>
        public Instant? WholeRowPeriod { get; private set; } = period;

        public void Add(List<StoredValue> more)
        {
            if (!_owned)
            {
                // The first addition copies the list it was made with (a written row's, or the caller's).
                Values = [.. Values];
                _owned = true;
            }

            Values.AddRange(more);
            WholeRowPeriod = null;
        }
    }
}
