using EcoMonitor.Application.Registry;
using Microsoft.Extensions.Hosting;

namespace EcoMonitor.Gateway;

/// <summary>
/// Reads the station registry again from the store before a frame of an unknown MN is refused, so that a station just
/// registered through another node (or the CLI) is accepted even before that node's change notification has been
/// applied here (docs/adr/0028). Bounded so that a flood of random MNs cannot hammer the database: one refresh at a time
/// and at most one per <see cref="MinInterval"/> overall — every frame arriving meanwhile joins the next refresh — and an
/// MN that a refresh did not find is refused at once for <see cref="RecheckAfter"/> (at most
/// <see cref="MaxRemembered"/> such MNs remembered; beyond, they just join the next refresh). A failed refresh is logged
/// and its frames are refused as unknown. Thread safety: the schedule and the remembered MNs are guarded by one lock, held
/// only to read or swap them, never across a refresh.
/// </summary>
internal sealed class UnknownStationRefresh(
    StationRegistry registry, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<UnknownStationRefresh> logger)
{
    /// <summary>Shortest time between the starts of two refreshes.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long an MN that a refresh did not find is refused without another refresh.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);

    /// <summary>The most MNs remembered as not found.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _notFound = new(StringComparer.Ordinal);
    private Task _running = Task.CompletedTask;
    private Task? _next;
    private long _lastStart = long.MinValue;

    private int _refreshes;

    /// <summary>Refreshes done since start.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>
    /// A refresh that starts after this call, for a frame of <paramref name="mn"/> the registry does not know: decide the
    /// frame again once it completes (it never faults; its previous refresh never faults either). Null when a refresh less than <see cref="RecheckAfter"/> ago did
    /// not find <paramref name="mn"/>: refuse the frame now.
    /// </summary>
    public Task? Request(string mn)
    {
        lock (_lock)
        {
            if (_notFound.TryGetValue(mn, out long since))
            {
                if (time.GetElapsedTime(since) < RecheckAfter)
                {
                    return null;
                }

                _notFound.Remove(mn);
            }

            // A refresh not started yet covers this frame; a running one may have read the store before the station came.
            return _next ??= RunNextAsync(_running);
        }
    }

    /// <summary>Remembers that a refresh did not find <paramref name="mn"/>: its frames are refused at once for a while.</summary>
    public void NotFound(string mn)
    {
        lock (_lock)
        {
            long now = time.GetTimestamp();
            if (_notFound.Count >= MaxRemembered)
            {
                foreach ((string key, long since) in _notFound)
                {
                    if (time.GetElapsedTime(since, now) >= RecheckAfter)
                    {
                        _notFound.Remove(key);
                    }
                }
            }

            if (_notFound.Count < MaxRemembered)
            {
                _notFound[mn] = now;
            }
        }
    }

    private async Task RunNextAsync(Task previous)
    {
        // Return to the caller (who holds the lock) before anything else.
        await Task.Yield();
        CancellationToken stopping = lifetime.ApplicationStopping;
        try
        {
            await previous;
            TimeSpan wait;
            lock (_lock)
            {
                wait = _lastStart == long.MinValue ? TimeSpan.Zero : MinInterval - time.GetElapsedTime(_lastStart);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stopping);
            }

            Task self;
            lock (_lock)
            {
                // From here frames need a later refresh: this one may read the store before their station is written.
                self = _next!;
                _next = null;
                _running = self;
                _lastStart = time.GetTimestamp();
            }

            long started = time.GetTimestamp();
            await registry.LoadAsync(stopping);
            Interlocked.Increment(ref _refreshes);
            double elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            GatewayLog.RegistryRefreshed(logger, registry.Count, elapsedMs);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the waiting frames are refused, their connections are closing.
        }
        catch (Exception exception)
        {
            // Not swallowed: logged, and the frames that waited for it are refused as unknown.
            GatewayLog.RegistryRefreshFailed(logger, exception);
        }
    }
}
