using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>Re-evaluation after a review decision (数据审核) changed which values of a series count.</summary>
public sealed partial class AlarmEngine
{
    /// <summary>
    /// A reviewer decided about a range of the series. First the open alarm of the station and rule, if the decision
    /// covers its evidence (the periods from its first to its last, and for a rise rule the values compared with): its
    /// episodes are evaluated again with the verdicts. None left → <c>invalidated</c>: an alarm nobody has taken up yet
    /// (open) is closed by the system, one in the workflow is cleared and stays with the people working on it; either
    /// way the rule's channels are told. Episodes left → <c>reviewed</c>, with the first and last period, hits and peak
    /// recomputed (and active again when restored values hold the condition at the latest value). The frozen evidence is never changed: the step records the decision, its reviewer and reason. Then
    /// the reviewed range itself: the latest episode there (e.g. values a reviewer restored) is evaluated like an
    /// arriving value, so it may raise, extend or recur an alarm.
    /// </summary>
    private async Task ReviewAsync(AlarmWorkItem item, ReviewDecision decision, AlarmRule rule, Station station, AlarmRuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        decimal? limit = AlarmLimits.Resolve(rule, station, snapshot.PermitsOf(station.Id));
        Duration step = AlarmEvaluator.Step(rule.Interval);
        Duration reach = step == Duration.Zero ? Duration.FromHours(1) : step * rule.LookbackPeriods;
        Alarm? open = await _alarms.FindOpenAsync(station.Id.Value, rule.Id, cancellationToken);
        if (open is not null && CoversEvidence(decision, open, rule))
        {
            AlarmSample[] around = await LoadSamplesAsync(station, rule, item.Parameter, item.Interval, open.FirstPeriod - reach, open.LastPeriod + reach + step, cancellationToken);
            ConditionResult[] remaining = [.. AlarmEvaluator.Episodes(rule, limit, around)
                .Where(e => e.EpisodeLast >= open.FirstPeriod && e.EpisodeStart <= open.LastPeriod)];
            if (!await ReassessAsync(open, rule, decision, remaining, snapshot, cancellationToken))
            {
                // A workflow action saved the alarm meanwhile: evaluate the decision again on the new version.
                _backlog.Enqueue([item]);
                return;
            }
        }

        AlarmSample[] range = await LoadSamplesAsync(
            station, rule, item.Parameter, item.Interval, decision.Periods.Start - reach, decision.Periods.End + reach + step, cancellationToken);
        Instant rangeEnd = decision.Periods.End + RiseReach(rule);
        ConditionResult latest = AlarmEvaluator.Episodes(rule, limit, range)
            .LastOrDefault(e => e.EpisodeLast >= decision.Periods.Start && e.EpisodeStart < rangeEnd);
        if (latest.HasEpisode)
        {
            await EvaluateSeriesAsync(item with { Period = latest.EpisodeLast, Review = null }, rule, station, snapshot, cancellationToken);
        }
    }

    /// <summary>Records what the decision did to an open alarm; false on a concurrent change.</summary>
    private async Task<bool> ReassessAsync(
        Alarm open, AlarmRule rule, ReviewDecision decision, ConditionResult[] remaining, AlarmRuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        Instant now = Now(_timeProvider);
        object review = new
        {
            decision = decision.Id,
            reviewer = decision.Reviewer,
            verdict = decision.Verdict == ReviewVerdict.Valid ? "valid" : "invalid",
            reason = decision.ReasonCode,
            comment = decision.Comment,
            parameter = decision.Parameter?.Value ?? "*",
            from = AlarmTime.Format(decision.Periods.Start),
            to = AlarmTime.Format(decision.Periods.End),
        };
        if (remaining.Length == 0)
        {
            bool closes = open.State == AlarmState.Open;
            Alarm invalidated = open with
            {
                IsActive = false,
                ClearedAt = open.IsActive ? now : open.ClearedAt,
                State = closes ? AlarmState.Closed : open.State,
                ClosedAt = closes ? now : open.ClosedAt,
            };
            AlarmStep step = Step(invalidated, "invalidated", now, new { review, closed = closes });
            IReadOnlyList<OutboxMessage> notify = NotificationPlanner.Plan(invalidated, rule, $"invalidated-{decision.Id}", snapshot, now);
            if (!await SaveAsync(invalidated, step, notify, cancellationToken))
            {
                return false;
            }

            ApplicationLog.AlarmInvalidated(_logger, open.Id, open.RuleId, open.Subject, decision.Id, closes);
            return true;
        }

        decimal? peak = null;
        foreach (ConditionResult episode in remaining)
        {
            peak = Worse(rule, peak, episode.Peak);
        }

        bool isActive = open.IsActive || remaining[^1].IsActiveAtLatest;
        Alarm reviewed = open with
        {
            IsActive = isActive,
            ClearedAt = isActive ? null : open.ClearedAt,
            FirstPeriod = remaining[0].EpisodeStart,
            LastPeriod = remaining[^1].EpisodeLast,
            Peak = peak,
            Hits = remaining.Sum(e => e.Hits),
        };
        AlarmStep annotation = Step(reviewed, "reviewed", now, new
        {
            review,
            firstPeriod = AlarmTime.Format(reviewed.FirstPeriod),
            lastPeriod = AlarmTime.Format(reviewed.LastPeriod),
            peak,
            hits = reviewed.Hits,
        });
        return await SaveAsync(reviewed, annotation, [], cancellationToken);
    }

    /// <summary>True when the decision covers a value the alarm's episodes were judged on.</summary>
    private static bool CoversEvidence(ReviewDecision decision, Alarm alarm, AlarmRule rule)
    {
        if (decision.Parameter is { } parameter && alarm.Parameter is { } watched && parameter != watched)
        {
            return false;
        }

        Instant from = alarm.FirstPeriod - RiseReach(rule);
        return decision.Periods.Start <= alarm.LastPeriod && decision.Periods.End > from;
    }

    /// <summary>How far back a rise rule compares (its evidence includes the earlier value); zero for other rules.</summary>
    private static Duration RiseReach(AlarmRule rule) =>
        rule.Kind == AlarmRuleKind.RateOfRise ? Duration.FromHours(rule.RiseHours) : Duration.Zero;
}
