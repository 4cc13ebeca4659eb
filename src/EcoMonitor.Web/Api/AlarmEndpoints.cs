using System.Security.Claims;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>Alarms: lists with filters, one alarm with evidence and timeline, workflow actions, statistics.</summary>
internal static class AlarmEndpoints
{
    private static readonly Dictionary<string, AlarmAction> Actions = new(StringComparer.Ordinal)
    {
        ["acknowledge"] = AlarmAction.Acknowledge,
        ["dispatch"] = AlarmAction.Dispatch,
        ["feedback"] = AlarmAction.Feedback,
        ["verify"] = AlarmAction.Verify,
        ["reject"] = AlarmAction.Reject,
        ["escalate"] = AlarmAction.Escalate,
        ["dismiss"] = AlarmAction.Dismiss,
    };

    public static RouteGroupBuilder MapAlarmEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder alarms = api.MapGroup("/alarms").WithTags("Alarms");
        alarms.MapGet("/", ListAsync).RequirePermission(Permission.AlarmsRead)
            .WithSummary("Alarms, newest raised first, with filters.")
            .WithDescription("Filters (all optional): `state` (comma-separated: open, acknowledged, dispatched, escalated, feedbackSubmitted, closed), `open` (true: not closed; false: closed), `station` (MN or city code), `region` (6-digit code; a province or city code covers its divisions), `enterprise`, `rule`, `severity` (minimum: notice, warning, serious, critical), `from`/`to` (raised time, ISO 8601 with offset or a date), `limit` (default 200, at most 5,000).");
        alarms.MapGet("/{id:long}", GetAsync).RequirePermission(Permission.AlarmsRead)
            .WithSummary("One alarm with its frozen evidence (the rule as it was, the limit, the values, the raw frames), its timeline and its notifications.");
        alarms.MapGet("/{id:long}/timeline", TimelineAsync).RequirePermission(Permission.AlarmsRead)
            .WithSummary("One alarm's timeline: every step with who, when, what and the state after it.")
            .WithDescription("Steps of the system (`actor` system): raised, cleared, recurred, escalated, and after a review decision (数据审核) about its values `invalidated` (no valid evidence left: closed if nobody had taken it up, else cleared) or `reviewed` (first/last period, peak and hits recomputed); their `detail.review` names the decision, reviewer, verdict and reason. The evidence itself stays as frozen.");
        alarms.MapPost("/{id:long}/{action}", ActAsync)
            .RequirePermission(Permission.AlarmsAct)
            .WithSummary("A workflow action: acknowledge, dispatch, feedback, verify, reject, escalate or dismiss.")
            .WithDescription("open → acknowledge → dispatch (unit, deadline) → feedback (cause, measures, attachments) → verify (closed) or reject (comment, new deadline); dispatched past its deadline → escalated (by the system, or `escalate`) → dispatch again or feedback; open/acknowledged → dismiss (comment). An action not allowed in the alarm's state is refused with 409 and the reason; missing fields give 400. `by` names the person acting; it is recorded with the authenticated identity.");
        alarms.MapGet("/statistics", StatisticsAsync).RequirePermission(Permission.AlarmsRead)
            .WithSummary("Alarm counts and time to close by region, enterprise, rule or severity.")
            .WithDescription("`by` = region (default), enterprise, rule or severity; `from`/`to` bound the raised time (default the last 30 days); `region` restricts to a region.");
        return api;
    }

    private static async Task<Results<Ok<AlarmDto[]>, InvalidParameterProblem>> ListAsync(
        string? state, bool? open, string? station, string? region, string? enterprise, string? rule, string? severity, string? from, string? to, int? limit,
        ClaimsPrincipal user, IAlarmStore store, CancellationToken cancellationToken)
    {
        List<AlarmState> states = [];
        foreach (string name in (state ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AlarmNames.TryParse(name, out AlarmState s))
            {
                return Bad($"state '{name}' is not one of {AlarmNames.List<AlarmState>()}.");
            }

            states.Add(s);
        }

        AlarmSeverity? minSeverity = null;
        if (severity is not null)
        {
            if (!AlarmNames.TryParse(severity, out AlarmSeverity s))
            {
                return Bad($"severity '{severity}' is not one of {AlarmNames.List<AlarmSeverity>()}.");
            }

            minSeverity = s;
        }

        if (!TryRegionPrefix(region, out string? prefix))
        {
            return Bad($"region '{region}' is not a 6-digit administrative division code.");
        }

        if (!TryTime(from, out Instant? fromTime) || !TryTime(to, out Instant? toTime))
        {
            return Bad($"from and to must be {ApiTime.Expected}.");
        }

        if (limit is < 1 or > 5000)
        {
            return Bad("limit must be 1..5000.");
        }

        AlarmQuery query = new()
        {
            Scope = StaffScope.Of(user), States = states, IsOpen = open, Subject = station, RegionPrefix = prefix, Enterprise = enterprise, RuleId = rule, MinSeverity = minSeverity,
            From = fromTime, To = toTime, Limit = limit ?? 200,
        };
        IReadOnlyList<Alarm> alarms = await store.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(alarms.Select(AlarmDto.From).ToArray());
    }

    private static async Task<Results<Ok<AlarmDetailDto>, UnknownAlarmProblem>> GetAsync(long id, ClaimsPrincipal user, IAlarmStore store, CancellationToken cancellationToken)
    {
        Alarm? alarm = await FindAsync(id, user, store, cancellationToken);
        if (alarm is null)
        {
            return NotFound(id);
        }

        IReadOnlyList<AlarmStep> timeline = await store.TimelineAsync(id, cancellationToken);
        IReadOnlyList<OutboxMessage> notifications = await store.NotificationsAsync(id, cancellationToken);
        // Frozen evidence of alarms raised before frames were masked may hold a station password in a frame's text.
        byte[] evidenceJson = System.Text.Encoding.UTF8.GetBytes(alarm.Evidence);
        FramePassword.MaskInPlace(evidenceJson);
        using var evidence = JsonDocument.Parse(evidenceJson);
        return TypedResults.Ok(new AlarmDetailDto(
            AlarmDto.From(alarm), evidence.RootElement.Clone(), timeline.Select(AlarmStepDto.From).ToArray(), notifications.Select(AlarmNotificationDto.From).ToArray()));
    }

    private static async Task<Results<Ok<AlarmStepDto[]>, UnknownAlarmProblem>> TimelineAsync(long id, ClaimsPrincipal user, IAlarmStore store, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        IReadOnlyList<AlarmStep> timeline = await store.TimelineAsync(id, cancellationToken);
        return TypedResults.Ok(timeline.Select(AlarmStepDto.From).ToArray());
    }

    private static async Task<Results<Ok<AlarmDto>, UnknownAlarmProblem, InvalidParameterProblem, InvalidBodyProblem, ActionNotAllowedProblem>> ActAsync(
        long id, string action, WorkflowRequest? body, ClaimsPrincipal user, IAlarmStore store, AlarmWorkflowService workflow, CancellationToken cancellationToken)
    {
        if (!Actions.TryGetValue(action, out AlarmAction alarmAction))
        {
            return new InvalidParameterProblem($"action '{action}' is not one of {string.Join(", ", Actions.Keys)}.");
        }

        // An alarm's region and enterprise never change: one outside the caller's scope stays outside while the action applies.
        if (await FindAsync(id, user, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        Instant? deadline = null;
        if (body?.Deadline is { } text)
        {
            if (!ApiTime.TryParse(text, out Instant parsed))
            {
                string reason = $"deadline '{text}' must be {ApiTime.Expected}.";
                return new InvalidBodyProblem(reason, ApiProblems.Errors("$.deadline", reason));
            }

            deadline = parsed;
        }

        string identity = user.Identity?.Name ?? "anonymous";
        string actor = string.IsNullOrWhiteSpace(body?.By) ? identity : $"{body.By.Trim()} ({identity})";
        WorkflowInput input = new()
        {
            Unit = body?.Unit, Deadline = deadline, Cause = body?.Cause, Measures = body?.Measures, Attachments = body?.Attachments ?? [], Comment = body?.Comment,
        };
        WorkflowOutcome? outcome = await workflow.ApplyAsync(id, alarmAction, input, actor, cancellationToken);
        if (outcome is null)
        {
            return NotFound(id);
        }

        if (outcome.Refusal is { } refusal)
        {
            return outcome.IsInvalidInput
                ? new InvalidBodyProblem(refusal, ApiProblems.Errors("$", refusal))
                : new ActionNotAllowedProblem(refusal);
        }

        return TypedResults.Ok(AlarmDto.From(outcome.Alarm));
    }

    private static async Task<Results<Ok<AlarmStatisticsDto>, InvalidParameterProblem>> StatisticsAsync(
        string? by, string? from, string? to, string? region, ClaimsPrincipal user, IAlarmStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        by ??= "region";
        Func<Alarm, string?>? key = by switch
        {
            "region" => a => a.Region,
            "enterprise" => a => a.Enterprise ?? "(none)",
            "rule" => a => a.RuleId,
            "severity" => a => AlarmNames.Of(a.Severity),
            _ => null,
        };
        if (key is null)
        {
            return Bad($"by '{by}' is not one of region, enterprise, rule, severity.");
        }

        if (!TryTime(from, out Instant? fromTime) || !TryTime(to, out Instant? toTime) || !TryRegionPrefix(region, out string? prefix))
        {
            return Bad($"from/to must be {ApiTime.Expected}; region a 6-digit code.");
        }

        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        IReadOnlyList<Alarm> alarms = await store.QueryAsync(
            new AlarmQuery { Scope = StaffScope.Of(user), From = fromTime ?? now - Duration.FromDays(30), To = toTime, RegionPrefix = prefix, Limit = int.MaxValue }, cancellationToken);
        AlarmGroupDto[] groups = alarms
            .GroupBy(a => key(a) ?? "(none)", StringComparer.Ordinal)
            .Select(g =>
            {
                double[] hours = g.Where(a => a.ClosedAt is not null).Select(a => (a.ClosedAt!.Value - a.RaisedAt).TotalHours).ToArray();
                return new AlarmGroupDto(g.Key, g.Count(), g.Count(a => a.State != AlarmState.Closed), hours.Length,
                    hours.Length == 0 ? null : Math.Round(hours.Average(), 2), hours.Length == 0 ? null : Math.Round(hours.Max(), 2));
            })
            .OrderByDescending(g => g.Total)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        return TypedResults.Ok(new AlarmStatisticsDto(by, groups));
    }

    private static bool TryRegionPrefix(string? region, out string? prefix)
    {
        prefix = null;
        if (region is null)
        {
            return true;
        }

        if (!RegionCode.TryParse(region, out RegionCode code))
        {
            return false;
        }

        prefix = code.Prefix;
        return true;
    }

    /// <summary>The alarm <paramref name="id"/> when it exists and lies in <paramref name="user"/>'s scope; else null (the same 404 for both).</summary>
    private static async Task<Alarm?> FindAsync(long id, ClaimsPrincipal user, IAlarmStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } alarm && StaffScope.Of(user).Covers(alarm.Region, alarm.Enterprise) ? alarm : null;

    private static bool TryTime(string? text, out Instant? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (!ApiTime.TryParse(text, out Instant parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }

    private static InvalidParameterProblem Bad(string detail) => new(detail);

    private static UnknownAlarmProblem NotFound(long id) => new($"No alarm with id {id}.");
}
