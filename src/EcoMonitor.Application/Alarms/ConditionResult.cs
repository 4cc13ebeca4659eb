using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// What <see cref="AlarmEvaluator.Evaluate"/> found in a series around one period.
/// </summary>
/// <param name="HasEpisode">A qualifying episode (N consecutive hits, or M hits in the window) contains the focus period.</param>
/// <param name="EpisodeStart">First period of that episode.</param>
/// <param name="EpisodeLast">Last period of that episode (its start).</param>
/// <param name="Hits">Hits in the episode.</param>
/// <param name="Peak">The worst value in the episode (highest for "above" rules, lowest for "below").</param>
/// <param name="IsActiveAtLatest">The latest sample of the series ends a qualifying episode: the condition still holds.</param>
/// <param name="Latest">Start of the latest sample seen, or null when there was none.</param>
public readonly record struct ConditionResult(
    bool HasEpisode, Instant EpisodeStart, Instant EpisodeLast, int Hits, decimal? Peak, bool IsActiveAtLatest, Instant? Latest);
