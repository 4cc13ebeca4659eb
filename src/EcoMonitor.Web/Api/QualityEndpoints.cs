using System.Security.Claims;
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

/// <summary>The automatic quality checks' findings per value and what evaluations excluded (docs/quality.md).</summary>
internal static class QualityEndpoints
{
    public static RouteGroupBuilder MapQualityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/{mn}/quality", GetAsync).WithTags("Quality").RequirePermission(Permission.QualityRead)
            .WithSummary("A station's quality findings per value in a time range, and what its evaluations excluded.")
            .WithDescription("`interval`, `from`, `to` as for observations (default hour, the last 24 hours). `minimum` is marked (default), suspect or invalid: the least severe finding listed. Invalid values are kept but left out of evaluation; `exclusions` lists per CST day how many values the air-quality evaluation left out and by which rule.");
        return api;
    }

    private static async Task<Results<Ok<StationQualityDto>, UnknownStationProblem, InvalidParameterProblem>> GetAsync(
        string mn,
        string? interval,
        string? from,
        string? to,
        string? minimum,
        ClaimsPrincipal user,
        IStationStore stations,
        IQualityStore quality,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(user), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (!ObservationQueryParser.TryParse(station.Id, null, interval, from, to, null, time.GetUtcNow(), out ObservationQuery? query, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        QualitySeverity? least = minimum switch
        {
            null or "marked" => QualitySeverity.Marked,
            "suspect" => QualitySeverity.Suspect,
            "invalid" => QualitySeverity.Invalid,
            _ => null,
        };
        if (least is not { } severity)
        {
            return new InvalidParameterProblem($"minimum '{minimum}' is not marked, suspect or invalid.");
        }

        IReadOnlyList<QualityFinding> findings = await quality.QueryFindingsAsync(station.Id, query.Interval, new Interval(query.From, query.To), severity, cancellationToken);
        LocalDate firstDay = ChinaTime.ToLocal(query.From).Date;
        LocalDate lastDay = ChinaTime.ToLocal(query.To - Duration.FromMilliseconds(1)).Date;
        IReadOnlyList<EvaluationExclusions> exclusions = await quality.QueryExclusionsAsync(station.Id, firstDay, lastDay, cancellationToken);
        return TypedResults.Ok(new StationQualityDto(
            station.Id.Value,
            [.. findings.Select(QualityFindingDto.From)],
            [.. exclusions.Select(e => new ExclusionDto(ApiTime.FormatDate(e.Day), e.Total, e.ExcludedByRule))]));
    }
}
