using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>
/// Bounds the archive of rejected frames per source (<see cref="GatewaySource"/>; <see cref="GatewayRejectedArchiveOptions"/>):
/// within each window a source's first <see cref="GatewayRejectedArchiveOptions.FramesPerWindow"/> rejected frames are
/// archived, then one in <see cref="GatewayRejectedArchiveOptions.SampleOneIn"/> (the first beyond, then every n-th);
/// the rest are only counted. When a window with frames left out ends, one summary line is logged for it (by the next
/// frame of that source or by <see cref="Sweep"/>). Only frames that did not authenticate come here: a known station's
/// frame with the right password is always archived. Memory is bounded by
/// <see cref="GatewayRejectedArchiveOptions.MaxSources"/> (beyond it new sources share one window). Thread-safe (one
/// lock, taken once per rejected frame).
/// </summary>
internal sealed class RejectedFrameSampler(IOptions<GatewayOptions> options, TimeProvider time, ILogger<RejectedFrameSampler> logger)
{
    private const string Overflow = "(other sources)";
    private readonly GatewayRejectedArchiveOptions _options = options.Value.RejectedArchive;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _sources = new(StringComparer.Ordinal);

    /// <summary>Sources with a window open.</summary>
    public int TrackedSources
    {
        get
        {
            lock (_gate)
            {
                return _sources.Count;
            }
        }
    }

    /// <summary>Counts a rejected frame of <paramref name="source"/>; true when it is to be archived.</summary>
    public bool ShouldArchive(string source)
    {
        long now = time.GetTimestamp();
        Summary? ended = null;
        bool archive;
        lock (_gate)
        {
            (string key, Window window) = Find(source);
            if (window.Received > 0 && time.GetElapsedTime(window.Start, now) >= _options.Window)
            {
                ended = window.End(key);
            }

            if (window.Received == 0)
            {
                window.Start = now;
            }

            window.Received++;
            long beyond = window.Received - _options.FramesPerWindow;
            archive = beyond <= 0 || (beyond - 1) % _options.SampleOneIn == 0;
            if (!archive)
            {
                window.LeftOut++;
            }
        }

        Log(ended);
        return archive;
    }

    /// <summary>Ends the windows that are over: logs the summary of those that left frames out and forgets them all.</summary>
    public void Sweep()
    {
        long now = time.GetTimestamp();
        List<Summary> ended = [];
        lock (_gate)
        {
            foreach ((string key, Window window) in _sources)
            {
                if (time.GetElapsedTime(window.Start, now) >= _options.Window)
                {
                    if (window.End(key) is { } summary)
                    {
                        ended.Add(summary);
                    }

                    _sources.Remove(key);
                }
            }
        }

        foreach (Summary summary in ended)
        {
            Log(summary);
        }
    }

    private (string Key, Window Window) Find(string source)
    {
        if (_sources.TryGetValue(source, out Window? window))
        {
            return (source, window);
        }

        string key = _sources.Count < _options.MaxSources ? source : Overflow;
        if (!_sources.TryGetValue(key, out window))
        {
            window = new Window();
            _sources[key] = window;
        }

        return (key, window);
    }

    private void Log(Summary? summary)
    {
        if (summary is { } s)
        {
            GatewayLog.RejectedFramesSampled(
                logger, s.Source, s.Received, _options.Window.TotalSeconds, s.Received - s.LeftOut, _options.FramesPerWindow, _options.SampleOneIn, s.LeftOut);
        }
    }

    private readonly record struct Summary(string Source, long Received, long LeftOut);

    private sealed class Window
    {
        public long Start { get; set; }

        public long Received { get; set; }

        public long LeftOut { get; set; }

        /// <summary>The summary when frames were left out, and a fresh start.</summary>
        public Summary? End(string source)
        {
            Summary? summary = LeftOut > 0 ? new Summary(source, Received, LeftOut) : null;
            Received = 0;
            LeftOut = 0;
            return summary;
        }
    }
}
