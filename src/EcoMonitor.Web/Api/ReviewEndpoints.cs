using System.Security.Claims;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>Review (数据审核): the queue of values needing review, decisions one by one or in bulk, the reviewed series.</summary>
internal static class ReviewEndpoints
{
    private const int MaxQueue = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/review/decisions", DecideAsync).WithTags("Review")
            .RequirePermission(Permission.ReviewDecide)
            .AcceptsOneOrMany<ReviewDecisionInput>()
            .WithSummary("Marks values (one parameter or all, one period or a span) valid or invalid, with a reason code and comment; one object or an array (bulk).")
            .WithDescription("Values are never changed: each decision is stored (append-only) with its audit-trail entry in one transaction, the latest decision covering a value wins over the automatic checks and over earlier decisions, and the affected days are re-evaluated; so are the exceedance and rate-of-rise alarms of the values (an alarm left without valid evidence is `invalidated`: closed when nobody has taken it up, else cleared; values made valid may raise one; see docs/alarms.md). All or nothing: 400 `invalid-body` names the first refused decision (`errors`: `$[2]`, or `$` for a single object).");
        api.MapGet("/review/queue", QueueAsync).WithTags("Review").RequirePermission(Permission.ReviewRead)
            .WithSummary("Values needing review: suspect or invalid findings not yet decided by a reviewer.")
            .WithDescription("`station` (optional; default every station), `interval`, `from`, `to` as for observations (default hour, the last 24 hours). At most 1000 items, oldest first.");
        api.MapGet("/stations/{mn}/reviewed", ReviewedAsync).WithTags("Review").RequirePermission(Permission.ReviewRead)
            .WithSummary("The reviewed series: each original value with whether it counts for evaluation, decided automatically or by review, and why.")
            .WithDescription("Query as for `/stations/{mn}/observations` (the raw series).");
        return api;
    }

    private static async Task<Results<Created<ReviewDecisionDto[]>, InvalidBodyProblem>> DecideAsync(
        JsonElement body, ReviewService review, IStationStore stations, HttpContext context, CancellationToken cancellationToken)
    {
        bool isArray = body.ValueKind == JsonValueKind.Array;
        JsonElement[] items = isArray ? [.. body.EnumerateArray()] : [body];
        var requests = new List<ReviewRequest>(items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            if (!TryRead(items[i], out ReviewRequest? request, out string? error))
            {
                return new InvalidBodyProblem($"decision {i}: {error}", ApiProblems.Errors(ApiProblems.Place(isArray, i, null), error));
            }

            requests.Add(request);
        }

        if (ReviewService.Validate(requests) is { } problem)
        {
            return new InvalidBodyProblem(problem, ApiProblems.Errors("$", problem));
        }

        AccessScope scope = StaffScope.Of(context.User);
        for (int i = 0; i < requests.Count; i++)
        {
            if (await StationLookup.FindAsync(requests[i].Station.Value, scope, stations, cancellationToken) is null)
            {
                string error = StationLookup.Unknown(requests[i].Station.Value);
                return new InvalidBodyProblem($"decision {i}: {error}", ApiProblems.Errors(ApiProblems.Place(isArray, i, "station"), error));
            }
        }

        IReadOnlyList<ReviewDecision> stored = await review.DecideAsync(requests, AuditActor.Of(context), cancellationToken);
        return TypedResults.Created("/api/v1/review/queue", stored.Select(ReviewDecisionDto.Of).ToArray());
    }

    private static bool TryRead(JsonElement item, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReviewRequest? request, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        request = null;
        ReviewDecisionInput? input;
        try
        {
            input = item.Deserialize<ReviewDecisionInput>(Json);
        }
        catch (JsonException exception)
        {
            error = "not a decision object: " + exception.Message;
            return false;
        }

        if (input is null || string.IsNullOrEmpty(input.Station) || !StationId.TryParse(input.Station, out StationId station))
        {
            error = "station is missing or not an MN";
            return false;
        }

        ParameterCode? parameter = null;
        if (input.Parameter is { Length: > 0 } code)
        {
            if (!ParameterCode.TryParse(code, out ParameterCode parsed))
            {
                error = $"'{code}' is not a parameter code";
                return false;
            }

            parameter = parsed;
        }

        if (!ApiTime.TryParse(input.From, out Instant from) || !ApiTime.TryParse(input.To, out Instant to) || to <= from)
        {
            error = $"from and to must be {ApiTime.Expected}, and from < to";
            return false;
        }

        if (!Enum.TryParse(input.Interval ?? "hour", ignoreCase: true, out ObservationInterval interval) || !Enum.IsDefined(interval))
        {
            error = $"interval '{input.Interval}' is not realTime, minute, hour or day";
            return false;
        }

        ReviewVerdict? verdict = input.Verdict switch { "valid" => ReviewVerdict.Valid, "invalid" => ReviewVerdict.Invalid, _ => null };
        if (verdict is not { } v)
        {
            error = $"verdict '{input.Verdict}' is not valid or invalid";
            return false;
        }

        request = new ReviewRequest(station, interval, parameter, new Interval(from, to), v, input.Reason ?? "", input.Comment);
        error = null;
        return true;
    }

    private static async Task<Results<Ok<QualityFindingDto[]>, InvalidParameterProblem, UnknownStationProblem>> QueueAsync(
        string? station, string? interval, string? from, string? to, ClaimsPrincipal user, IStationStore stations, IQualityStore quality, IReviewStore reviews,
        TimeProvider time, CancellationToken cancellationToken)
    {
        AccessScope scope = StaffScope.Of(user);
        IReadOnlyList<Station> targets;
        if (station is null)
        {
            targets = await StationLookup.ListAsync(scope, stations, cancellationToken);
        }
        else if (await StationLookup.FindAsync(station, scope, stations, cancellationToken) is { } one)
        {
            targets = [one];
        }
        else
        {
            return StationLookup.NotFound(station);
        }

        var queue = new List<QualityFindingDto>();
        foreach (Station s in targets)
        {
            if (!ObservationQueryParser.TryParse(s.Id, null, interval, from, to, null, time.GetUtcNow(), out ObservationQuery? query, out string? error))
            {
                return new InvalidParameterProblem(error);
            }

            var range = new Interval(query.From, query.To);
            IReadOnlyList<QualityFinding> findings = await quality.QueryFindingsAsync(s.Id, query.Interval, range, QualitySeverity.Suspect, cancellationToken);
            if (findings.Count == 0)
            {
                continue;
            }

            IReadOnlyList<ReviewDecision> decisions = await reviews.QueryDecisionsAsync(s.Id, query.Interval, range, cancellationToken);
            queue.AddRange(findings
                .Where(f => !decisions.Any(d => d.Covers(f.Parameter, f.Interval, f.PeriodStart)))
                .Select(f => QualityFindingDto.From(f) with { Parameter = $"{s.Id.Value}/{f.Parameter.Value}" }));
            if (queue.Count >= MaxQueue)
            {
                break;
            }
        }

        return TypedResults.Ok(queue.Take(MaxQueue).ToArray());
    }

    private static async Task<Results<Ok<ReviewedValueDto[]>, UnknownStationProblem, InvalidParameterProblem>> ReviewedAsync(
        string mn, string? parameters, string? interval, string? from, string? to, ClaimsPrincipal user, IStationStore stations, StationValidity validity,
        IObservationStore observations, TimeProvider time, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(user), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (!ObservationQueryParser.TryParse(station.Id, parameters, interval, from, to, null, time.GetUtcNow(), out ObservationQuery? query, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        ValidityResult result = await validity.CheckAsync(station.Id, query.Interval, query.From, query.To, query.Parameters, isForEvaluation: false, cancellationToken);
        IReadOnlyList<Observation> raw = await observations.QueryAsync(query, cancellationToken);
        var valid = result.Valid.Select(o => (o.Parameter, o.PeriodStart)).ToHashSet();
        return TypedResults.Ok(raw.Select(o =>
        {
            ReviewDecision? decision = result.Decisions.LastOrDefault(d => d.Covers(o.Parameter, o.Interval, o.PeriodStart));
            bool isValid = valid.Contains((o.Parameter, o.PeriodStart));
            string? reason = decision is not null
                ? (decision.Comment is null ? decision.ReasonCode : $"{decision.ReasonCode}: {decision.Comment}")
                : result.Findings.FirstOrDefault(f => f.Parameter == o.Parameter && f.PeriodStart == o.PeriodStart && f.Severity == QualitySeverity.Invalid)?.Reason;
            return new ReviewedValueDto(o.Parameter.Value, ApiTime.Format(o.PeriodStart), o.Value, o.Flag.Value, isValid,
                decision is null ? "automatic" : "review", reason, decision?.Id);
        }).ToArray());
    }
}
