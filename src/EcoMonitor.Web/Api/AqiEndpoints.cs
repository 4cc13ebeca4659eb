using EcoMonitor.Application.Access;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>Stored hourly and daily AQI of a station or a city (HJ 633-2012, recomputed as data arrive).</summary>
internal static class AqiEndpoints
{
    private const string RangeDescription =
        "`interval` is hour (default) or day. `from` (inclusive) and `to` (exclusive) are ISO 8601 with offset or a date (00:00 China Standard Time); default the last 24 hours (hour) or 30 days (day); at most 3 years. An hour is identified by its start (ADR 0002: 08:00 covers 08:00–09:00 CST); a day is 00:00–24:00 CST and is included when its start lies in the range. Results are recomputed in the background within seconds when hourly values arrive, are back-filled or revised.";

    public static RouteGroupBuilder MapAqiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/{mn}/aqi", StationAqiAsync).WithTags("Evaluation").PublicData()
            .WithSummary("A station's hourly or daily AQI (HJ 633-2012).")
            .WithDescription("Hourly: the real-time AQI from each hour's SO2, NO2, PM10, PM2.5, CO and O3. Daily: the 24-h means, O3 1-h maximum and daily maximum 8-h mean with GB 3095-2012 Table 4 validity (a value that is not valid is null), rounded per GB/T 8170, and the daily AQI. " + RangeDescription);
        api.MapGet("/regions/{code}/aqi", CityAqiAsync).WithTags("Evaluation").PublicData()
            .WithSummary("A city's or county's hourly or daily AQI, from its stations per HJ 663-2013.")
            .WithDescription("`code` is the 6-digit region code of a city (prefecture level, ending in 00) or of a county (county level). Each concentration of the city or county is the mean of its counted stations' valid values for the same hour or day (HJ 663-2013 clause 4), rounded per GB/T 8170; the AQI is computed from those means. " + StatisticsEndpoints.NetworkDescription + RangeDescription);
        return api;
    }

    private static async Task<Results<Ok<HourlyAqiDto[]>, Ok<DailyAqiDto[]>, UnknownStationProblem, InvalidParameterProblem>> StationAqiAsync(
        string mn, string? interval, string? from, string? to, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        return (await QueryAsync(EvaluationSubject.Of(station.Id), interval, from, to, evaluations, time, cancellationToken)).Result switch
        {
            Ok<HourlyAqiDto[]> hours => hours,
            Ok<DailyAqiDto[]> days => days,
            InvalidParameterProblem bad => bad,
            _ => throw new InvalidOperationException("Unexpected AQI query result."),
        };
    }

    private static async Task<Results<Ok<HourlyAqiDto[]>, Ok<DailyAqiDto[]>, UnknownRegionProblem, InvalidParameterProblem>> CityAqiAsync(
        string code, string? interval, string? from, string? to, string? network, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        Results<Ok<EvaluationSubject>, UnknownRegionProblem, InvalidParameterProblem> city = await RegionLookup.FindAsync(code, network, stations, cancellationToken);
        if (city.Result is not Ok<EvaluationSubject> found)
        {
            return city.Result is UnknownRegionProblem notFound ? notFound : (InvalidParameterProblem)city.Result;
        }

        return (await QueryAsync(found.Value!, interval, from, to, evaluations, time, cancellationToken)).Result switch
        {
            Ok<HourlyAqiDto[]> hours => hours,
            Ok<DailyAqiDto[]> days => days,
            InvalidParameterProblem bad => bad,
            _ => throw new InvalidOperationException("Unexpected AQI query result."),
        };
    }

    private static async Task<Results<Ok<HourlyAqiDto[]>, Ok<DailyAqiDto[]>, InvalidParameterProblem>> QueryAsync(
        EvaluationSubject subject, string? interval, string? from, string? to, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        bool isDaily = string.Equals(interval, "day", StringComparison.OrdinalIgnoreCase);
        if (!isDaily && interval is not null && !string.Equals(interval, "hour", StringComparison.OrdinalIgnoreCase))
        {
            return new InvalidParameterProblem($"interval '{interval}' is not hour or day.");
        }

        Duration defaultLength = isDaily ? Duration.FromDays(30) : Duration.FromDays(1);
        if (!EvaluationRange.TryParse(from, to, time.GetUtcNow(), defaultLength, out EvaluationRange range, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        if (!isDaily)
        {
            IReadOnlyList<HourlyAqiRecord> hours = await evaluations.QueryHourlyAsync(subject, range.Start, range.End, cancellationToken);
            return TypedResults.Ok(hours.Select(HourlyAqiDto.From).ToArray());
        }

        IReadOnlyList<DailyAqiRecord> days = range.HasDays
            ? await evaluations.QueryDailyAsync(subject.Scope, subject.Code, range.FirstDay, range.LastDay, cancellationToken)
            : [];
        return TypedResults.Ok(days.Select(DailyAqiDto.From).ToArray());
    }
}
