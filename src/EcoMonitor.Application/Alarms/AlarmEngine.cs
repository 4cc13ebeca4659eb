using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Raises, updates and clears alarms. Series rules: for a work item, reads the series around the period from the
/// store (so late data is judged with its neighbours) and applies <see cref="AlarmEvaluator.Evaluate"/>. Timer rules
/// (<see cref="CheckAsync"/>): silence per station, city hourly AQI, and escalation of dispatched alarms whose
/// deadline passed. One open alarm per subject and rule: a lasting condition updates it; a condition that comes back
/// before the alarm is closed recurs on it. Review decisions waiting in the store re-evaluate the reviewed range
/// (<see cref="ProcessReviewsAsync"/>, AlarmEngine.Review.cs). Not thread-safe: one caller (<see cref="AlarmWorker"/>).
/// </summary>
public sealed partial class AlarmEngine
{
    /// <summary>Actor of the engine's steps.</summary>
    public const string SystemActor = "system";

    /// <summary>Newest frames looked at when confirming silence (rejected ones do not count as heard).</summary>
    private const int SilenceFrameProbe = 20;

    /// <summary>Newest closed alarms of a subject and rule looked at before raising (<see cref="IsHandledAsync"/>).</summary>
    private const int ClosedProbe = 20;

    private readonly IObservationStore _observations;
    private readonly IReviewStore _reviews;
    private readonly IRawFrameArchive _frames;
    private readonly IEvaluationStore _evaluations;
    private readonly IAlarmStore _alarms;
    private readonly IAlarmStepRecorder _recorder;
    private readonly StationRegistry _registry;
    private readonly AlarmRuleSet _rules;
    private readonly ActiveAlarmSet _active;
    private readonly AlarmBacklog _backlog;
    private readonly RecentSeries _recent;
    private readonly AlarmOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AlarmEngine> _logger;
    private readonly Instant _startedAt;

    /// <summary>Creates the engine.</summary>
    public AlarmEngine(
        IObservationStore observations, IReviewStore reviews, IRawFrameArchive frames, IEvaluationStore evaluations, IAlarmStore alarms, IAlarmStepRecorder recorder,
        StationRegistry registry, AlarmRuleSet rules, ActiveAlarmSet active, AlarmBacklog backlog, RecentSeries recent, IOptions<AlarmOptions> options,
        TimeProvider timeProvider, ILogger<AlarmEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _observations = observations;
        _reviews = reviews;
        _frames = frames;
        _evaluations = evaluations;
        _alarms = alarms;
        _recorder = recorder;
        _registry = registry;
        _rules = rules;
        _active = active;
        _backlog = backlog;
        _recent = recent;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _startedAt = Now(timeProvider);
    }

    /// <summary>Loads the active alarms into <see cref="ActiveAlarmSet"/> (at start).</summary>
    public async Task LoadActiveAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> open = await _alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, IsOpen = true, Limit = int.MaxValue }, cancellationToken);
        _active.Reset(open.Where(a => a.IsActive).Select(a => (a.Subject, a.RuleId)));
    }

    /// <summary>Evaluates queued series values.</summary>
    public async Task ProcessAsync(IReadOnlyList<AlarmWorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        AlarmRuleSnapshot snapshot = _rules.Current;
        foreach (AlarmWorkItem item in items)
        {
            if (!snapshot.RulesById.TryGetValue(item.RuleId, out AlarmRule? rule) || !rule.IsEnabled || !_registry.TryGet(item.Station, out Station station))
            {
                continue;
            }

            await EvaluateSeriesAsync(item, rule, station, snapshot, cancellationToken);
        }
    }

    /// <summary>Checks silence and AQI rules, clears quiet security alarms and escalates overdue alarms.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        AlarmRuleSnapshot snapshot = _rules.Current;
        Instant now = Now(_timeProvider);
        foreach (AlarmRule rule in snapshot.Index.TimerRules)
        {
            if (rule.Kind == AlarmRuleKind.Silence)
            {
                await CheckSilenceAsync(rule, snapshot, now, cancellationToken);
            }
            else if (rule.Kind == AlarmRuleKind.Aqi)
            {
                await CheckAqiAsync(rule, snapshot, now, cancellationToken);
            }
            else if (rule.Kind == AlarmRuleKind.Security)
            {
                await ClearQuietSecurityAsync(rule, now, cancellationToken);
            }
        }

        IReadOnlyList<Alarm> dispatched = await _alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, States = [AlarmState.Dispatched], Limit = int.MaxValue }, cancellationToken);
        foreach (Alarm alarm in dispatched.Where(a => a.Deadline is { } d && d <= now))
        {
            WorkflowOutcome outcome = AlarmWorkflow.Apply(alarm, AlarmAction.Escalate, new WorkflowInput(), SystemActor, now);
            if (outcome.IsApplied)
            {
                snapshot.RulesById.TryGetValue(alarm.RuleId, out AlarmRule? rule);
                IReadOnlyList<OutboxMessage> notify = NotificationPlanner.Plan(outcome.Alarm, rule, $"escalated-{outcome.Alarm.EscalationLevel}", snapshot, now);
                await _recorder.RecordAsync(outcome.Alarm, outcome.Step, notify, cancellationToken);
            }
        }
    }

    private async Task EvaluateSeriesAsync(AlarmWorkItem item, AlarmRule rule, Station station, AlarmRuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        decimal? limit = AlarmLimits.Resolve(rule, station, snapshot.PermitsOf(station.Id));
        Duration step = AlarmEvaluator.Step(rule.Interval);
        Duration reach = step == Duration.Zero ? Duration.FromHours(1) : step * rule.LookbackPeriods;
        AlarmSample[] samples = await LoadSamplesAsync(station, rule, item.Parameter, item.Interval, item.Period - reach, item.Period + reach + step, cancellationToken);
        Remember(station, item.Parameter, item.Interval, samples, snapshot);
        ConditionResult result = AlarmEvaluator.Evaluate(rule, limit, samples, item.Period);
        Instant now = Now(_timeProvider);
        Alarm? open = await _alarms.FindOpenAsync(station.Id.Value, rule.Id, cancellationToken);
        if (result.HasEpisode)
        {
            if (open is null && await IsHandledAsync(station.Id.Value, rule.Id, result.EpisodeStart, result.EpisodeLast, cancellationToken))
            {
                return;
            }

            if (open is null)
            {
                AlarmSample[] episode = samples.Where(s => s.PeriodStart >= result.EpisodeStart && s.PeriodStart <= result.EpisodeLast).ToArray();
                string evidence = await EvidenceAsync(rule, station, limit, snapshot, episode, result.EpisodeStart, now, cancellationToken);
                Alarm alarm = NewAlarm(rule, station.Id.Value, station.Name, station.Region.Value, station.Enterprise, item.Parameter, now, evidence) with
                {
                    FirstPeriod = result.EpisodeStart, LastPeriod = result.EpisodeLast, Limit = limit, Peak = result.Peak, Hits = result.Hits,
                    IsActive = result.IsActiveAtLatest, ClearedAt = result.IsActiveAtLatest ? null : now,
                };
                await RaiseAsync(alarm, rule, snapshot, now, new EpisodeRaised(limit, result.Peak, result.Hits, AlarmTime.Format(result.EpisodeStart), AlarmTime.Format(result.EpisodeLast), result.IsActiveAtLatest), cancellationToken);
                return;
            }

            bool recurs = !open.IsActive && result.IsActiveAtLatest && result.EpisodeLast > open.LastPeriod;
            Alarm updated = open with
            {
                FirstPeriod = Min(open.FirstPeriod, result.EpisodeStart),
                LastPeriod = Max(open.LastPeriod, result.EpisodeLast),
                Peak = Worse(rule, open.Peak, result.Peak),
                Hits = recurs ? open.Hits + result.Hits : Math.Max(open.Hits, result.Hits),
                IsActive = open.IsActive || recurs,
                ClearedAt = recurs ? null : open.ClearedAt,
                Recurrences = recurs ? open.Recurrences + 1 : open.Recurrences,
            };
            if (updated.IsActive && !result.IsActiveAtLatest && result.Latest is { } after && after > updated.LastPeriod)
            {
                // Normal values after the episode's end are already stored (an import or back-fill that brought the
                // episode and its end in one commit: no later value will come to clear it): updated and cleared at once.
                AlarmSample last = samples[^1];
                await ClearAsync(updated, now, new ValueCleared(AlarmTime.Format(last.PeriodStart), last.Value, last.Flag.Value, limit), cancellationToken);
                return;
            }

            if (updated == open)
            {
                return;
            }

            AlarmStep? recurred = recurs
                ? Step(updated, "recurred", now, new EpisodeRecurred(result.Peak, AlarmTime.Format(result.EpisodeStart), AlarmTime.Format(result.EpisodeLast)))
                : null;
            IReadOnlyList<OutboxMessage> notify = recurs ? NotificationPlanner.Plan(updated, rule, $"recurred-{updated.Recurrences}", snapshot, now) : [];
            await SaveAsync(updated, recurred, notify, cancellationToken);
            return;
        }

        if (open is not null && open.IsActive && !result.IsActiveAtLatest && result.Latest is { } latest && latest >= open.LastPeriod)
        {
            AlarmSample last = samples[^1];
            await ClearAsync(open, now, new ValueCleared(AlarmTime.Format(last.PeriodStart), last.Value, last.Flag.Value, limit), cancellationToken);
        }
    }

    /// <summary>
    /// True when people already closed (verified or dismissed) an alarm of the subject and rule that covers the whole
    /// episode: evaluating its values again (a station-day replayed after a restart, or retried after it was set aside)
    /// raises no second alarm for it. An episode reaching beyond it raises a new one, and so does one whose alarm the
    /// system closed because review invalidated its evidence (review restoring the values raises it again, ADR 0022).
    /// </summary>
    private async Task<bool> IsHandledAsync(string subject, string ruleId, Instant first, Instant last, CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> closed = await _alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, Subject = subject, RuleId = ruleId, IsOpen = false, Limit = ClosedProbe }, cancellationToken);
        foreach (Alarm alarm in closed.Where(a => a.FirstPeriod <= first && a.LastPeriod >= last))
        {
            IReadOnlyList<AlarmStep> timeline = await _alarms.TimelineAsync(alarm.Id, cancellationToken);
            if (timeline.Count > 0 && timeline[^1].Action is "verified" or "dismissed")
            {
                return true;
            }
        }

        return false;
    }

    private async Task CheckSilenceAsync(AlarmRule rule, AlarmRuleSnapshot snapshot, Instant now, CancellationToken cancellationToken)
    {
        var silent = Duration.FromMinutes(rule.SilentMinutes);
        foreach (Station station in _registry.Stations)
        {
            if (!station.IsActive || !rule.Covers(station))
            {
                continue;
            }

            Instant? heardHere = _backlog.LastHeard(station.Id);
            Instant lastHeard = heardHere ?? _startedAt;
            bool isSilent = now - lastHeard >= silent;
            bool isActive = _active.Contains(station.Id.Value, rule.Id);
            if (isSilent && !isActive)
            {
                // Silent as far as this node heard: confirm against the store, where every node's frames and data are.
                Instant? stored = await StoredLastHeardAsync(station.Id, now - silent, now, cancellationToken);
                if (stored is { } at)
                {
                    _backlog.Heard(station.Id, at);
                    lastHeard = heardHere is { } here && here > at ? here : at;
                    isSilent = now - lastHeard >= silent;
                }
            }

            if (isSilent && !isActive)
            {
                Alarm? open = await _alarms.FindOpenAsync(station.Id.Value, rule.Id, cancellationToken);
                if (open is null)
                {
                    string evidence = Evidence(rule, null, null, [], [], TextEncoding.Utf8, new SilenceContext(AlarmTime.Format(lastHeard), AlarmTime.Format(now)));
                    Alarm alarm = NewAlarm(rule, station.Id.Value, station.Name, station.Region.Value, station.Enterprise, null, now, evidence) with
                    {
                        FirstPeriod = lastHeard, LastPeriod = now, Hits = 1,
                    };
                    await RaiseAsync(alarm, rule, snapshot, now, new SilenceRaised(AlarmTime.Format(lastHeard), rule.SilentMinutes), cancellationToken);
                }
                else
                {
                    Alarm recurred = open with { IsActive = true, ClearedAt = null, LastPeriod = now, Recurrences = open.Recurrences + 1 };
                    await SaveAsync(recurred, Step(recurred, "recurred", now, new SilenceRecurred(AlarmTime.Format(lastHeard))),
                        NotificationPlanner.Plan(recurred, rule, $"recurred-{recurred.Recurrences}", snapshot, now), cancellationToken);
                }
            }
            else if (!isSilent && isActive)
            {
                Alarm? open = await _alarms.FindOpenAsync(station.Id.Value, rule.Id, cancellationToken);
                if (open is not null)
                {
                    await ClearAsync(open with { LastPeriod = Max(open.LastPeriod, lastHeard) }, now, new SilenceCleared(AlarmTime.Format(lastHeard)), cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// When the store last heard the station: the newest frame of it that was not rejected, received in [since, now]
    /// (indexed by station and receive time; any node's gateway archives there), else the receive time of its latest
    /// stored values (imports, or data before <paramref name="since"/>); null when it has none.
    /// </summary>
    private async Task<Instant?> StoredLastHeardAsync(StationId station, Instant since, Instant now, CancellationToken cancellationToken)
    {
        IReadOnlyList<RawFrame> frames = await _frames.QueryAsync(station.Value, new Interval(since, now + Duration.FromSeconds(1)), SilenceFrameProbe, cancellationToken);
        foreach (RawFrame frame in frames)
        {
            if (frame.Outcome != RawFrameOutcome.Rejected)
            {
                return frame.ReceivedAt;
            }
        }

        IReadOnlyList<Observation> latest = await _observations.LatestAsync(station, cancellationToken);
        return latest.Count == 0 ? null : latest.Max(o => o.ReceivedAt);
    }

    private async Task CheckAqiAsync(AlarmRule rule, AlarmRuleSnapshot snapshot, Instant now, CancellationToken cancellationToken)
    {
        var cities = _registry.Stations
            .Where(s => s.Type == StationType.AirQuality && (rule.Region is not { } r || r.Contains(s.Region)))
            .Select(s => s.Region.Prefecture.Value)
            .Distinct(StringComparer.Ordinal);
        foreach (string city in cities)
        {
            IReadOnlyList<HourlyAqiRecord> hours = await _evaluations.QueryHourlyAsync(
                new EvaluationSubject(EvaluationScope.City, city), now - Duration.FromHours(3), now + Duration.FromHours(1), cancellationToken);
            if (hours.LastOrDefault(h => h.Aqi is not null) is not { } latest)
            {
                continue;
            }

            bool isOver = latest.Aqi > rule.Limit;
            Alarm? open = isOver || _active.Contains(city, rule.Id) ? await _alarms.FindOpenAsync(city, rule.Id, cancellationToken) : null;
            if (isOver && open is null)
            {
                string evidence = Evidence(rule, rule.Limit, null, [], [], TextEncoding.Utf8, new CityAqiContext(city, AlarmTime.Format(latest.HourStart), latest.Aqi, latest.Primary));
                Alarm alarm = NewAlarm(rule, city, city, city, null, null, now, evidence) with
                {
                    FirstPeriod = latest.HourStart, LastPeriod = latest.HourStart, Limit = rule.Limit, Peak = latest.Aqi, Hits = 1,
                };
                await RaiseAsync(alarm, rule, snapshot, now, new AqiRaised(latest.Aqi, AlarmTime.Format(latest.HourStart), latest.Primary), cancellationToken);
            }
            else if (isOver && open is not null && latest.HourStart > open.LastPeriod)
            {
                bool recurs = !open.IsActive;
                Alarm updated = open with
                {
                    LastPeriod = latest.HourStart, Peak = Math.Max(open.Peak ?? 0m, latest.Aqi!.Value), Hits = open.Hits + 1,
                    IsActive = true, ClearedAt = null, Recurrences = recurs ? open.Recurrences + 1 : open.Recurrences,
                };
                await SaveAsync(updated, recurs ? Step(updated, "recurred", now, new AqiRecurred(latest.Aqi)) : null,
                    recurs ? NotificationPlanner.Plan(updated, rule, $"recurred-{updated.Recurrences}", snapshot, now) : [], cancellationToken);
            }
            else if (!isOver && open is { IsActive: true })
            {
                await ClearAsync(open, now, new AqiCleared(latest.Aqi, AlarmTime.Format(latest.HourStart)), cancellationToken);
            }
        }
    }

    private async Task RaiseAsync(Alarm alarm, AlarmRule rule, AlarmRuleSnapshot snapshot, Instant now, AlarmDetail detail, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxMessage> notify = NotificationPlanner.Plan(alarm, rule, "raised", snapshot, now);
        Alarm saved;
        try
        {
            saved = await _recorder.RecordAsync(alarm, Step(alarm, "raised", now, detail), notify, cancellationToken);
        }
        catch (AlarmConflictException)
        {
            // Another writer raised it first (e.g. a second node): that alarm stands.
            return;
        }

        _active.Set(saved.Subject, saved.RuleId, saved.IsActive);
        ApplicationLog.AlarmRaised(_logger, saved.Id, saved.RuleId, saved.Subject, saved.Peak, saved.Limit);
        if (!saved.IsActive)
        {
            ApplicationLog.AlarmCleared(_logger, saved.Id, saved.RuleId, saved.Subject);
        }
    }

    private async Task ClearAsync(Alarm open, Instant now, AlarmDetail detail, CancellationToken cancellationToken)
    {
        Alarm cleared = open with { IsActive = false, ClearedAt = now };
        await SaveAsync(cleared, Step(cleared, "cleared", now, detail), [], cancellationToken);
        ApplicationLog.AlarmCleared(_logger, open.Id, open.RuleId, open.Subject);
    }

    /// <summary>Saves; false when a workflow action changed the alarm meanwhile (the next value of the series evaluates it again).</summary>
    private async Task<bool> SaveAsync(Alarm alarm, AlarmStep? step, IReadOnlyList<OutboxMessage> notify, CancellationToken cancellationToken)
    {
        try
        {
            Alarm saved = await _recorder.RecordAsync(alarm, step, notify, cancellationToken);
            _active.Set(saved.Subject, saved.RuleId, saved.IsActive && saved.State != AlarmState.Closed);
            return true;
        }
        catch (AlarmConflictException)
        {
            return false;
        }
    }

    /// <summary>Fills the series' recent history (when it keeps one) with what was read from the store, for the pre-filter.</summary>
    private void Remember(Station station, ParameterCode parameter, ObservationInterval interval, AlarmSample[] samples, AlarmRuleSnapshot snapshot)
    {
        int periods = snapshot.Index.MatchSeries(station, parameter, interval).HistoryPeriods;
        if (periods == 0 || samples.Length == 0)
        {
            return;
        }

        SeriesHistory history = _recent.Of(station.Id, parameter, interval, periods);
        foreach (AlarmSample sample in samples)
        {
            history.Fill(sample.PeriodStart, sample.Value, sample.Flag);
        }
    }

    /// <summary>
    /// The series of <paramref name="parameter"/> in [from, to) as samples; for value rules with the reviewers' verdicts
    /// (one more indexed query, for the stations' decisions in the range).
    /// </summary>
    private async Task<AlarmSample[]> LoadSamplesAsync(
        Station station, AlarmRule rule, ParameterCode parameter, ObservationInterval interval, Instant from, Instant to, CancellationToken cancellationToken)
    {
        IReadOnlyList<Observation> series = await _observations.QueryAsync(
            new ObservationQuery { Station = station.Id, Interval = interval, Parameters = [parameter], From = from, To = to }, cancellationToken);
        if (series.Count == 0 || !AlarmEvaluator.IsValueRule(rule.Kind))
        {
            return [.. series.Select(AlarmSample.From)];
        }

        IReadOnlyList<ReviewDecision> decisions = await _reviews.QueryDecisionsAsync(station.Id, interval, new Interval(from, to), cancellationToken);
        return [.. series.Select(o => AlarmSample.From(o, decisions))];
    }

    private async Task<string> EvidenceAsync(
        AlarmRule rule, Station station, decimal? limit, AlarmRuleSnapshot snapshot, AlarmSample[] episode, Instant from, Instant now, CancellationToken cancellationToken)
    {
        IReadOnlyList<RawFrame> frames = _options.EvidenceFrames == 0
            ? []
            : await _frames.QueryAsync(station.Id.Value, new Interval(Min(from, now - Duration.FromHours(1)), now + Duration.FromSeconds(1)), _options.EvidenceFrames, cancellationToken);
        PermitLimit? permit = rule.LimitSource == LimitSource.Permit && rule.Parameter is { } p ? snapshot.Permit(station.Id, p) : null;
        return Evidence(rule, limit, permit, episode, frames, station.Encoding, new StationContext(station.Id.Value, station.Name, station.WaterTargetClass));
    }

    private static string Evidence(AlarmRule rule, decimal? limit, PermitLimit? permit, AlarmSample[] values, IReadOnlyList<RawFrame> frames, TextEncoding encoding, AlarmDetail context) =>
        new AlarmEvidence(
            AlarmRuleDocument.From(rule),
            limit,
            AlarmNames.Of(rule.LimitSource),
            permit?.PermitNumber,
            context,
            [.. values.Select(v => new AlarmEvidenceValue(AlarmTime.Format(v.PeriodStart), v.Value, v.Flag.Value))],
            [.. frames.Select(f => new AlarmEvidenceFrame(f.Id, AlarmTime.Format(f.ReceivedAt), f.Peer, f.Outcome.ToString(), RawFrameText.Decode(f.Bytes.Span, encoding).Text))])
            .ToJson();

    private static Alarm NewAlarm(AlarmRule rule, string subject, string name, string region, string? enterprise, ParameterCode? parameter, Instant now, string evidence) => new()
    {
        RuleId = rule.Id, Kind = rule.Kind, Subject = subject, SubjectName = name, Region = region, Enterprise = enterprise,
        Parameter = parameter ?? rule.Parameter, Severity = rule.Severity, RaisedAt = now, FirstPeriod = now, LastPeriod = now, Evidence = evidence,
    };

    private static AlarmStep Step(Alarm alarm, string action, Instant now, AlarmDetail detail) =>
        new(alarm.Id, now, SystemActor, action, alarm.State, JsonSerializer.Serialize(detail, AlarmRuleReader.Json));

    private static Instant Now(TimeProvider timeProvider) => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static decimal? Worse(AlarmRule rule, decimal? a, decimal? b)
    {
        if (a is not { } x)
        {
            return b;
        }

        if (b is not { } y)
        {
            return a;
        }

        return rule.Direction == LimitDirection.Above ? Math.Max(x, y) : Math.Min(x, y);
    }
}
