using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Loads a station's values of a window with a day of context before it, runs the automatic checks
/// (<see cref="QualityChecker"/>) and says which values of the window count for evaluation: all but those with an
/// invalid finding, unless a reviewer's decision says otherwise: the latest review decision covering a value wins over
/// the automatic verdict (invalid → excluded as <c>review.invalid</c>; valid → used). Used by the quality worker (to store
/// findings) and by the evaluation (to exclude values), so the two always agree. Thread-safe.
/// </summary>
public sealed class StationValidity(IObservationStore observations, IStationStore stations, QualityChecker checker, IReviewStore reviews)
{
    /// <summary>The exclusion reason of values a reviewer marked invalid.</summary>
    public const string ReviewInvalid = "review.invalid";

    private static readonly Duration Context = Duration.FromDays(1);

    /// <summary>
    /// Checks <paramref name="station"/>'s <paramref name="interval"/> values with period start in [from, to) (optionally only
    /// <paramref name="parameters"/>). With <paramref name="isForEvaluation"/>, context is loaded only when a series rule
    /// can invalidate a value (then <see cref="ValidityResult.Findings"/> may lack series findings; the valid set is exact).
    /// </summary>
    public async Task<ValidityResult> CheckAsync(
        StationId station, ObservationInterval interval, Instant from, Instant to, IReadOnlyList<ParameterCode> parameters, bool isForEvaluation, CancellationToken cancellationToken)
    {
        bool needsContext = !isForEvaluation || checker.IsInvalidSeriesDependent;
        Station? registered = await stations.GetAsync(station, cancellationToken);
        StationType type = registered?.Type ?? StationType.AirQuality;
        IReadOnlyList<Observation> loaded = await observations.QueryAsync(new ObservationQuery
        {
            Station = station, Interval = interval, From = needsContext ? from - Context : from, To = needsContext ? to + Duration.FromHours(1) : to, Parameters = parameters,
        }, cancellationToken);
        IReadOnlyList<QualityFinding> all = checker.Check(type, loaded);
        var findings = all.Where(f => f.PeriodStart >= from && f.PeriodStart < to).ToList();
        var excluded = new Dictionary<(ParameterCode, Instant), string>();
        foreach (QualityFinding finding in findings.Where(f => f.Severity == QualitySeverity.Invalid))
        {
            excluded.TryAdd((finding.Parameter, finding.PeriodStart), finding.Rule);
        }

        IReadOnlyList<ReviewDecision> decisions = await reviews.QueryDecisionsAsync(station, interval, new Interval(from, to), cancellationToken);
        var values = new List<Observation>();
        var window = new List<Observation>();
        var excludedByRule = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Observation o in loaded)
        {
            if (o.PeriodStart < from || o.PeriodStart >= to)
            {
                continue;
            }

            window.Add(o);
            ReviewDecision? decision = decisions.LastOrDefault(d => d.Covers(o.Parameter, o.Interval, o.PeriodStart));
            string? rule = decision?.Verdict switch
            {
                ReviewVerdict.Invalid => ReviewInvalid,
                ReviewVerdict.Valid => null,
                _ => excluded.GetValueOrDefault((o.Parameter, o.PeriodStart)),
            };
            if (rule is not null)
            {
                excludedByRule[rule] = excludedByRule.GetValueOrDefault(rule) + 1;
                continue;
            }

            values.Add(o);
        }

        return new ValidityResult(values, findings, excludedByRule) { Decisions = decisions, Window = window };
    }
}
