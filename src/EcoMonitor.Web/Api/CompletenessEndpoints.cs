using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>Completeness and timeliness per station and for the network: the operator's morning view (docs/quality.md).</summary>
internal static class CompletenessEndpoints
{
    /// <summary>The longest window, so that one network request stays cheap (one query per station).</summary>
    private static readonly Duration MaxLength = Duration.FromDays(31);

    private const string RangeDescription =
        "`from`/`to`: ISO 8601 with offset or a date (00:00 CST), from inclusive, to exclusive, snapped down to whole hours; default yesterday (CST); at most 31 days. " +
        "Every station is expected to send one hour value per parameter in each period of its registry `reportingIntervalHours` (default 1: 24 periods a day; 4: six periods from 00:00 CST); air-quality stations are expected to send the six HJ 633 pollutants, other types the parameters they sent in the window. " +
        "`validRate` (有效数据获取率) = values not excluded by an invalid quality finding or a reviewer / expected values; `onTimeRate` = values received at most Quality:OnTimeDelayMinutes (default 60) after their period's end / received values; " +
        "`offline` lists gaps of at least Quality:OfflineMinPeriods (default 3) consecutive periods without any value.";

    public static RouteGroupBuilder MapCompletenessEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/completeness", GetNetworkAsync).WithTags("Quality").RequirePermission(Permission.CompletenessRead)
            .WithSummary("Completeness and timeliness of the network and of every station (有效数据获取率, on-time rate, offline periods).")
            .WithDescription(RangeDescription + " `region`: a province, city or county code (stations within it); `type`: a station type (e.g. AirQuality); `sort`: rate (worst first, default), -rate (best first) or mn.");
        api.MapGet("/stations/{mn}/completeness", GetStationAsync).WithTags("Quality").RequirePermission(Permission.CompletenessRead)
            .WithSummary("Completeness and timeliness of one station (有效数据获取率, on-time rate, offline periods, last data).")
            .WithDescription(RangeDescription);
        return api;
    }

    private static async Task<Results<Ok<NetworkCompletenessDto>, InvalidParameterProblem>> GetNetworkAsync(
        string? from, string? to, string? region, string? type, string? sort, ClaimsPrincipal user,
        IStationStore stations, CompletenessService completeness, IOptions<QualityOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseWindow(from, to, time, out Instant start, out Instant end, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        RegionCode? within = null;
        if (region is not null)
        {
            if (!RegionCode.TryParse(region, out RegionCode code))
            {
                return new InvalidParameterProblem($"region '{region}' is not a 6-digit region code (e.g. 510000, 510100, 510104).");
            }

            within = code;
        }

        StationType? ofType = null;
        if (type is not null)
        {
            if (!Enum.TryParse(type, ignoreCase: true, out StationType parsed) || !Enum.IsDefined(parsed))
            {
                return new InvalidParameterProblem($"type '{type}' is not a station type ({string.Join(", ", Enum.GetNames<StationType>())}).");
            }

            ofType = parsed;
        }

        if (sort is not (null or "rate" or "-rate" or "mn"))
        {
            return new InvalidParameterProblem($"sort '{sort}' is not rate, -rate or mn.");
        }

        IReadOnlyList<Station> all = await StationLookup.ListAsync(StaffScope.Of(user), stations, cancellationToken);
        var selected = all.Where(s => s.IsActive && (within is not { } r || r.Contains(s.Region)) && (ofType is not { } t || s.Type == t)).ToList();
        IReadOnlyList<StationCompleteness> rows = await completeness.ComputeAsync(selected, start, end, cancellationToken);
        IEnumerable<StationCompleteness> ordered = sort switch
        {
            "mn" => rows.OrderBy(r => r.Station.Id.Value, StringComparer.Ordinal),
            "-rate" => rows.OrderByDescending(r => r.ValidRate ?? -1m).ThenBy(r => r.Station.Id.Value, StringComparer.Ordinal),
            _ => rows.OrderBy(r => r.ValidRate ?? -1m).ThenBy(r => r.Station.Id.Value, StringComparer.Ordinal),
        };
        var network = NetworkCompleteness.Of(rows);
        return TypedResults.Ok(new NetworkCompletenessDto(
            ApiTime.Format(start), ApiTime.Format(end), options.Value.OnTimeDelayMinutes, network.Stations, network.ExpectedValues, network.ReceivedValues,
            network.ValidValues, network.ValidRate, network.OnTimeRate, network.StationsOffline, network.StationsSilent, [.. ordered.Select(StationCompletenessDto.From)]));
    }

    private static async Task<Results<Ok<StationCompletenessDto>, UnknownStationProblem, InvalidParameterProblem>> GetStationAsync(
        string mn, string? from, string? to, ClaimsPrincipal user, IStationStore stations, CompletenessService completeness, TimeProvider time,
        CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(user), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (!TryParseWindow(from, to, time, out Instant start, out Instant end, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        return TypedResults.Ok(StationCompletenessDto.From(await completeness.ComputeAsync(station, start, end, cancellationToken)));
    }

    private static bool TryParseWindow(string? from, string? to, TimeProvider time, out Instant start, out Instant end, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        start = end = default;
        Instant today = ChinaTime.StartOfDay(Instant.FromDateTimeOffset(time.GetUtcNow()));
        if (!EvaluationRange.TryParse(from, to, today.ToDateTimeOffset(), Duration.FromDays(1), MaxLength, out EvaluationRange range, out error))
        {
            error = error.Replace("3 years", "31 days", StringComparison.Ordinal);
            return false;
        }

        start = ChinaTime.StartOfHour(range.Start);
        end = ChinaTime.StartOfHour(range.End);
        if (start >= end)
        {
            error = "the window holds no whole hour.";
            return false;
        }

        return true;
    }
}
