using System.Text.Json;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>Re-evaluation after a review decision (数据审核) changed which values of a series count.</summary>
public sealed partial class AlarmEngine
{
    /// <summary>Pending decisions read from the store at a time.</summary>
    private const int ReviewBatch = 100;

    /// <summary>Attempts at one rule's re-evaluation when workflow actions keep changing the alarm meanwhile.</summary>
    private const int ReviewAttempts = 3;

    /// <summary>
    /// Re-evaluates the review decisions waiting in the store (<see cref="IAlarmStore.PendingReviewsAsync"/>), oldest
    /// first, and removes each from the queue once every value rule of its series has been evaluated again
    /// (docs/adr/0025). A decision whose alarm a workflow action keeps changing stays queued (false is returned) and is
    /// tried again at the next pass. Evaluating a decision twice (a crash between the evaluation and the removal) adds no
    /// second step: an alarm whose timeline already names the decision is left as it is.
    /// </summary>
    /// <returns>True when nothing is left pending.</returns>
    public async Task<bool> ProcessReviewsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<ReviewDecision> pending = await _alarms.PendingReviewsAsync(ReviewBatch, cancellationToken);
            foreach (ReviewDecision decision in pending)
            {
                if (!await ReviewDecisionAsync(decision, cancellationToken))
                {
                    return false;
                }

                await _alarms.CompleteReviewAsync(decision.Id, cancellationToken);
                ApplicationLog.AlarmReviewEvaluated(_logger, decision.Id, decision.Station.Value);
            }

            if (pending.Count < ReviewBatch)
            {
                return true;
            }
        }
    }

    /// <summary>Evaluates every value rule (exceedance, rate of rise) of the series the decision covers; false when one could not be saved.</summary>
    private async Task<bool> ReviewDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken)
    {
        AlarmRuleSnapshot snapshot = _rules.Current;
        if (!_registry.TryGet(decision.Station, out Station station))
        {
            return true;
        }

        foreach (AlarmRule rule in snapshot.Index.Rules)
        {
            if (!rule.IsEnabled || !AlarmEvaluator.IsValueRule(rule.Kind) || rule.Interval != decision.Interval || rule.Parameter is not { } parameter
                || (decision.Parameter is not null && decision.Parameter != parameter) || !rule.Covers(station))
            {
                continue;
            }

            var item = new AlarmWorkItem(station.Id, rule.Id, parameter, decision.Interval, decision.Periods.Start);
            bool done = false;
            for (int attempt = 0; attempt < ReviewAttempts && !done; attempt++)
            {
                done = await ReviewAsync(item, decision, rule, station, snapshot, cancellationToken);
            }

            if (!done)
            {
                return false;
            }
        }

        return true;
    }

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
    /// <returns>False when a workflow action saved the alarm meanwhile (evaluate the decision again on the new version).</returns>
    private async Task<bool> ReviewAsync(AlarmWorkItem item, ReviewDecision decision, AlarmRule rule, Station station, AlarmRuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        decimal? limit = AlarmLimits.Resolve(rule, station, snapshot.PermitsOf(station.Id));
        Duration step = AlarmEvaluator.Step(rule.Interval);
        Duration reach = step == Duration.Zero ? Duration.FromHours(1) : step * rule.LookbackPeriods;
        Alarm? open = await _alarms.FindOpenAsync(station.Id.Value, rule.Id, cancellationToken);
        if (open is not null && CoversEvidence(decision, open, rule) && !await HasReviewStepAsync(open.Id, decision.Id, cancellationToken))
        {
            AlarmSample[] around = await LoadSamplesAsync(station, rule, item.Parameter, item.Interval, open.FirstPeriod - reach, open.LastPeriod + reach + step, cancellationToken);
            ConditionResult[] remaining = [.. AlarmEvaluator.Episodes(rule, limit, around)
                .Where(e => e.EpisodeLast >= open.FirstPeriod && e.EpisodeStart <= open.LastPeriod)];
            if (!await ReassessAsync(open, rule, decision, remaining, snapshot, cancellationToken))
            {
                return false;
            }
        }

        AlarmSample[] range = await LoadSamplesAsync(
            station, rule, item.Parameter, item.Interval, decision.Periods.Start - reach, decision.Periods.End + reach + step, cancellationToken);
        Instant rangeEnd = decision.Periods.End + RiseReach(rule);
        ConditionResult latest = AlarmEvaluator.Episodes(rule, limit, range)
            .LastOrDefault(e => e.EpisodeLast >= decision.Periods.Start && e.EpisodeStart < rangeEnd);
        if (latest.HasEpisode)
        {
            await EvaluateSeriesAsync(item with { Period = latest.EpisodeLast }, rule, station, snapshot, cancellationToken);
        }

        return true;
    }

    /// <summary>True when the alarm's timeline already has the step of this decision (it was evaluated before a crash or restart).</summary>
    private async Task<bool> HasReviewStepAsync(long alarmId, long decisionId, CancellationToken cancellationToken)
    {
        foreach (AlarmStep step in await _alarms.TimelineAsync(alarmId, cancellationToken))
        {
            if (step.Action is "invalidated" or "reviewed" && ReviewedDecision(step.Detail) == decisionId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The decision id named by a review step's detail (<c>review.decision</c>), or null.</summary>
    private static long? ReviewedDecision(string detail)
    {
        using var document = JsonDocument.Parse(detail);
        return document.RootElement.TryGetProperty("review", out JsonElement review) && review.TryGetProperty("decision", out JsonElement id)
            && id.TryGetInt64(out long value)
            ? value
            : null;
    }

    /// <summary>Records what the decision did to an open alarm; false on a concurrent change.</summary>
    private async Task<bool> ReassessAsync(
        Alarm open, AlarmRule rule, ReviewDecision decision, ConditionResult[] remaining, AlarmRuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        Instant now = Now(_timeProvider);
        var review = new ReviewReference(
            decision.Id, decision.Reviewer, decision.Verdict == ReviewVerdict.Valid ? "valid" : "invalid", decision.ReasonCode, decision.Comment,
            decision.Parameter?.Value ?? "*", AlarmTime.Format(decision.Periods.Start), AlarmTime.Format(decision.Periods.End));
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
            AlarmStep step = Step(invalidated, "invalidated", now, new ReviewInvalidated(review, closes));
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
        AlarmStep annotation = Step(
            reviewed, "reviewed", now, new ReviewReassessed(review, AlarmTime.Format(reviewed.FirstPeriod), AlarmTime.Format(reviewed.LastPeriod), peak, reviewed.Hits));
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
