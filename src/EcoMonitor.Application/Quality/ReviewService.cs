using EcoMonitor.Application.Audit;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Review (数据审核): stores reviewers' decisions with their audit entries (one transaction; the entry's before lists the
/// decisions that covered the range until now, after is the new decision), then tells the
/// <see cref="IReviewDecisionListener"/>s (evaluation queues the days again, alarms re-evaluate). Values are never changed. Thread-safe.
/// </summary>
public sealed class ReviewService(IReviewStore store, IEnumerable<IReviewDecisionListener> listeners)
{
    private readonly IReviewDecisionListener[] _listeners = [.. listeners];

    /// <summary>Longest span one decision may cover.</summary>
    public static readonly Duration MaxSpan = Duration.FromDays(366);

    /// <summary>Checks the requests; returns the first problem (index and reason) or null when all are acceptable.</summary>
    public static string? Validate(IReadOnlyList<ReviewRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return "no decision given";
        }

        for (int i = 0; i < requests.Count; i++)
        {
            ReviewRequest r = requests[i];
            if (!ReviewReasons.All.Contains(r.ReasonCode, StringComparer.Ordinal))
            {
                return $"decision {i}: reason '{r.ReasonCode}' is not one of {string.Join(", ", ReviewReasons.All)}";
            }

            if (r.Periods.Duration <= Duration.Zero || r.Periods.Duration > MaxSpan)
            {
                return $"decision {i}: the period range must be non-empty and at most {MaxSpan.Days} days";
            }
        }

        return null;
    }

    /// <summary>Stores the decisions of <paramref name="reviewer"/> (validate first); returns them as stored.</summary>
    public async Task<IReadOnlyList<ReviewDecision>> DecideAsync(IReadOnlyList<ReviewRequest> requests, string reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        if (Validate(requests) is { } problem)
        {
            throw new ArgumentException(problem, nameof(requests));
        }

        var decisions = new List<ReviewDecision>(requests.Count);
        var audit = new List<AuditRecord>(requests.Count);
        foreach (ReviewRequest r in requests)
        {
            var decision = new ReviewDecision
            {
                Station = r.Station, Interval = r.Interval, Parameter = r.Parameter, Periods = r.Periods, Verdict = r.Verdict,
                ReasonCode = r.ReasonCode, Comment = r.Comment, Reviewer = reviewer,
            };
            IReadOnlyList<ReviewDecision> earlier = await store.QueryDecisionsAsync(r.Station, r.Interval, r.Periods, cancellationToken);
            decisions.Add(decision);
            audit.Add(new AuditRecord(reviewer, "review.marked", "observations", SubjectId(decision))
            {
                Before = AuditJson.Serialize(earlier.Where(e => e.Parameter is null || r.Parameter is null || e.Parameter == r.Parameter).Select(View).ToArray()),
                After = AuditJson.Serialize(View(decision)),
                Reason = r.Comment is null ? r.ReasonCode : $"{r.ReasonCode}: {r.Comment}",
            });
        }

        IReadOnlyList<ReviewDecision> stored = await store.DecideAsync(decisions, audit, cancellationToken);
        foreach (IReviewDecisionListener listener in _listeners)
        {
            listener.OnDecided(stored);
        }

        return stored;
    }

    /// <summary>The audit subject id of a decision: <c>MN/parameter-or-*/interval/from/to</c> (instants in ISO UTC).</summary>
    public static string SubjectId(ReviewDecision d) =>
        $"{d.Station}/{d.Parameter?.Value ?? "*"}/{d.Interval}/{d.Periods.Start}/{d.Periods.End}";

    private static object View(ReviewDecision d) => new
    {
        id = d.Id, parameter = d.Parameter?.Value ?? "*", from = d.Periods.Start.ToString(), to = d.Periods.End.ToString(),
        verdict = d.Verdict, reason = d.ReasonCode, comment = d.Comment, reviewer = d.Reviewer,
    };
}
