using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>Falsification signs of pollution-source outlets (打假): a suspicion score per outlet and day with its evidence (docs/quality.md).</summary>
internal static class FalsificationEndpoints
{
    private static readonly Duration MaxLength = Duration.FromDays(92);

    private const string Description =
        "Outlets (flue-gas and waste-water, `falsification.stationTypes` in config/quality-rules.json) are scored per CST day after their data are checked: " +
        "identical runs (fake.identical-run), blocks of values copied within the day (fake.repeated-block), values pinned just under the permit limit (fake.pinned-below-limit), " +
        "several parameters without any variance (fake.zero-variance), a pollutant flat while flow or temperature show the plant running (fake.flat-while-running), " +
        "minute data arriving in regular bursts faster than the minutes pass (fake.timing-burst) and one QN on different frames (fake.qn-reuse). " +
        "Each sign adds its weight to the score (capped at 100) and carries evidence (times, values, counts). A score is a reason to look, not a verdict. " +
        "`from`/`to`: dates (or ISO 8601), from inclusive, to exclusive, default yesterday (CST), at most 92 days. Each read is recorded in the audit trail (`falsification.read`).";

    public static RouteGroupBuilder MapFalsificationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/falsification", ListAsync).WithTags("Quality").RequirePermission(Permission.FalsificationRead).AuditsReads("falsification.read")
            .WithSummary("Outlet-days with falsification signs (打假), highest suspicion first, each with its evidence.")
            .WithDescription(Description + " `minScore`: the lowest score listed (default 1: days with at least one sign; 0 lists examined clean days too); `limit`: at most this many (default 200, at most 1000).");
        api.MapGet("/stations/{mn}/falsification", GetStationAsync).WithTags("Quality").RequirePermission(Permission.FalsificationRead).AuditsReads("falsification.read")
            .WithSummary("One outlet's falsification suspicion per day (score 0 = examined, nothing found), with the evidence.")
            .WithDescription(Description + " Days not scored (no data, or not an outlet) are absent.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutletSuspicionDto>>, InvalidParameterProblem>> ListAsync(
        string? from, string? to, int? minScore, int? limit, ClaimsPrincipal user, IStationStore stations, ISuspicionStore store, FalsificationDetector detector,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseDays(from, to, time, out LocalDate first, out LocalDate last, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        if (minScore is < 0 or > 100 || limit is < 1 or > 1000)
        {
            return new InvalidParameterProblem("minScore must lie in 0..100 and limit in 1..1000.");
        }

        AccessScope scope = StaffScope.Of(user);
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        IReadOnlyList<Station> visible = scope.Filter(all);
        int take = limit ?? 200;
        IReadOnlyList<OutletSuspicion> days;
        if (visible.Count == all.Count)
        {
            days = await store.QuerySuspicionsAsync(null, first, last, minScore ?? 1, take, cancellationToken);
        }
        else
        {
            // A part of the network: each visible outlet's best days, merged in the store's order (score, day, station).
            var merged = new List<OutletSuspicion>();
            foreach (Station outlet in visible.Where(s => detector.Scores(s.Type)))
            {
                merged.AddRange(await store.QuerySuspicionsAsync(outlet.Id, first, last, minScore ?? 1, take, cancellationToken));
            }

            days = [.. merged.OrderByDescending(d => d.Score).ThenBy(d => d.Day).ThenBy(d => d.Station.Value, StringComparer.Ordinal).Take(take)];
        }

        var registry = visible.ToDictionary(s => s.Id);
        return TypedResults.Ok<IReadOnlyList<OutletSuspicionDto>>([.. days.Where(d => registry.ContainsKey(d.Station)).Select(d => OutletSuspicionDto.From(d, registry[d.Station]))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<OutletSuspicionDto>>, UnknownStationProblem, InvalidParameterProblem>> GetStationAsync(
        string mn, string? from, string? to, ClaimsPrincipal user, IStationStore stations, ISuspicionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(user), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (!TryParseDays(from, to, time, out LocalDate first, out LocalDate last, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        IReadOnlyList<OutletSuspicion> days = await store.QuerySuspicionsAsync(station.Id, first, last, 0, 1000, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OutletSuspicionDto>>([.. days.OrderBy(d => d.Day).Select(d => OutletSuspicionDto.From(d, station))]);
    }

    private static bool TryParseDays(string? from, string? to, TimeProvider time, out LocalDate first, out LocalDate last, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        first = last = default;
        Instant today = ChinaTime.StartOfDay(Instant.FromDateTimeOffset(time.GetUtcNow()));
        if (!EvaluationRange.TryParse(from, to, today.ToDateTimeOffset(), Duration.FromDays(1), MaxLength, out EvaluationRange range, out error))
        {
            error = error.Replace("3 years", "92 days", StringComparison.Ordinal);
            return false;
        }

        first = ChinaTime.ToLocal(range.Start).Date;
        last = ChinaTime.ToLocal(range.End - Duration.FromMilliseconds(1)).Date;
        return true;
    }
}
