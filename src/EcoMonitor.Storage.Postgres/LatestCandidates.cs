using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The values of a write that may move each stream's latest values (<see cref="PackedLatest"/>). A stream whose only
/// candidates are one whole new row keeps that row's text: its latest row is the same text (every period offset 0).
/// </summary>
internal sealed class LatestCandidates
{
    private readonly Dictionary<int, Stream> _streams = [];

    public int Count => _streams.Count;

    public IEnumerable<(int Stream, Stream Candidates)> All => _streams.Select(s => (s.Key, s.Value));

    /// <summary>A whole row written for <paramref name="period"/>: its entries (sorted by parameter) and their text.</summary>
    public void AddRow(int stream, Instant period, List<StoredValue> entries, string text)
    {
        if (_streams.TryGetValue(stream, out Stream? existing))
        {
            existing.Add(entries);
        }
        else
        {
            _streams.Add(stream, new Stream(entries, period, text));
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
            _streams.Add(stream, new Stream([value], null, null));
        }
    }

    /// <summary>One stream's candidates.</summary>
    internal sealed class Stream(List<StoredValue> values, Instant? period, string? text)
    {
        /// <summary>The candidate values (not to be changed: may be a written row's own list).</summary>
        public List<StoredValue> Values { get; private set; } = values;

        /// <summary>The period of the one whole row that is all the candidates, else null.</summary>
        public Instant? WholeRowPeriod { get; private set; } = period;

        /// <summary>That row's text, else null.</summary>
        public string? WholeRowText { get; private set; } = text;

        public void Add(List<StoredValue> more)
        {
            Values = [.. Values, .. more];
            WholeRowPeriod = null;
            WholeRowText = null;
        }
    }
}
