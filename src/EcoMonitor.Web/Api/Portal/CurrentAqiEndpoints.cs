using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>The real-time AQI of every air station and the cities ranked by it, one call each (the portal's map and ranking).</summary>
internal static class CurrentAqiEndpoints
{
    private const string CurrentDescription =
        "\"Current\" is each subject's latest stored hourly AQI (HJ 633-2012) with hour start before `before` (ISO 8601 with offset or a date; default now), however old: compare `hourStart` with the clock to judge freshness. An hour is identified by its start (ADR 0002: 08:00 covers 08:00–09:00 China Standard Time).";

    public static RouteGroupBuilder MapCurrentAqiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/aqi/current/stations", StationsAsync).WithTags("Portal").PublicData()
            .WithSummary("The current hourly AQI of every air-quality station, with its name and position.")
            .WithDescription("One row per registered air-quality station, ordered by MN; a station without any AQI has null values. " + CurrentDescription);
        api.MapGet("/aqi/current/cities", CitiesAsync).WithTags("Portal").PublicData()
            .WithSummary("Cities ranked by their current hourly AQI (best first), with the primary pollutant.")
            .WithDescription("A city's AQI is computed from the means of its stations' concentrations (HJ 663-2013). Ascending AQI; equal AQIs share a rank (1, 1, 3); cities without an AQI come last without rank. " + CurrentDescription);
        return api;
    }

    private static async Task<Results<Ok<CurrentStationAqiDto[]>, InvalidParameterProblem>> StationsAsync(
        string? before, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseBefore(before, time, out Instant bound, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        IReadOnlyList<HourlyAqiRecord> latest = await evaluations.QueryLatestHourlyAsync(EvaluationScope.Station, bound, cancellationToken);
        var byMn = latest.ToDictionary(r => r.Subject.Code, StringComparer.Ordinal);
        return TypedResults.Ok(all.Where(s => s.Type == StationType.AirQuality)
            .Select(s => CurrentStationAqiDto.From(s, byMn.GetValueOrDefault(s.Id.Value)))
            .ToArray());
    }

    private static async Task<Results<Ok<CurrentCityAqiDto[]>, InvalidParameterProblem>> CitiesAsync(
        string? before, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseBefore(before, time, out Instant bound, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        var stationCounts = all.Where(s => s.Type == StationType.AirQuality)
            .GroupBy(s => s.Region.Prefecture.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        IReadOnlyList<HourlyAqiRecord> latest = await evaluations.QueryLatestHourlyAsync(EvaluationScope.City, bound, cancellationToken);
        HourlyAqiRecord[] ordered = [.. latest.OrderBy(r => r.Aqi is null).ThenBy(r => r.Aqi).ThenBy(r => r.Subject.Code, StringComparer.Ordinal)];
        var rows = new CurrentCityAqiDto[ordered.Length];
        for (int i = 0; i < ordered.Length; i++)
        {
            int? rank = ordered[i].Aqi is null ? null : i > 0 && ordered[i - 1].Aqi == ordered[i].Aqi ? rows[i - 1].Rank : i + 1;
            rows[i] = CurrentCityAqiDto.From(rank, ordered[i], stationCounts.GetValueOrDefault(ordered[i].Subject.Code));
        }

        return TypedResults.Ok(rows);
    }

    private static bool TryParseBefore(
        string? before, TimeProvider time, out Instant bound, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out InvalidParameterProblem? bad)
    {
        bad = null;
        bound = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (before is null || ApiTime.TryParse(before, out bound))
        {
            return true;
        }

        bad = new InvalidParameterProblem($"before '{before}' is not {ApiTime.Expected}.");
        return false;
    }
}
