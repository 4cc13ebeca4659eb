using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The dust-day register (扣沙): staff with <c>dust-days.write</c> mark a city's day in their jurisdiction as affected
/// by dust and sand (audited); statistics and rankings with <c>dust=excluded</c> leave the marked days out; the marks
/// themselves are published (the national monthly report names the affected cities).
/// </summary>
internal static class DustDayEndpoints
{
    public static RouteGroupBuilder MapDustDayEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder days = api.MapGroup("/dust-days").WithTags("Evaluation");
        days.MapGet("/", ListAsync).PublicData()
            .WithSummary("Days of cities marked as affected by dust and sand (沙尘天气影响), for a period.")
            .WithDescription("The period as for the statistics (`period`, or `from` and `to`, at most 3 years); `within` (optional) keeps the cities of one province or city. Ordered by city, then day. Who marked a day is in the audit trail, not here.");
        days.MapPut("/{city}/{day}", MarkAsync).RequirePermission(Permission.DustDaysWrite)
            .WithSummary("Marks a city's day as affected by dust and sand (or changes its note).")
            .WithDescription("`city` is a city's region code with air-quality stations, within the caller's jurisdiction (else 404, like every scoped write); `day` yyyy-MM-dd (CST), not after today. The body's `note` (≤ 500 characters) says why. Audited as dust-day.marked / dust-day.changed. Public rankings cached for up to `RateLimits:CacheDuration` show it after that.");
        days.MapDelete("/{city}/{day}", UnmarkAsync).RequirePermission(Permission.DustDaysWrite)
            .WithSummary("Removes a dust-day mark (audited as dust-day.unmarked).");
        return api;
    }

    private static async Task<Results<Ok<DustDayDto[]>, InvalidParameterProblem>> ListAsync(
        string? period, string? from, string? to, string? within, IDustDayStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!StatisticsEndpoints.TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        RegionCode area = default;
        if (within is not null && !RegionCode.TryParse(within, out area))
        {
            return new InvalidParameterProblem($"within '{within}' is not a 6-digit region code (e.g. 510000 or 510100).");
        }

        IReadOnlyList<DustDay> marks = await store.QueryAsync(within is null || area.Prefix.Length == 0 ? null : area.Prefix, range.FirstDay, range.LastDay, cancellationToken);
        return TypedResults.Ok(marks.Select(DustDayDto.From).ToArray());
    }

    private static async Task<Results<Ok<DustDayDto>, UnknownRegionProblem, InvalidParameterProblem, InvalidBodyProblem>> MarkAsync(
        string city, string day, DustDayInput body, DustDayRegister register, IStationStore stations, TimeProvider time, HttpContext context,
        CancellationToken cancellationToken)
    {
        Results<Ok<(RegionCode, LocalDate)>, UnknownRegionProblem, InvalidParameterProblem> target =
            await FindAsync(city, day, context.User, stations, time, cancellationToken);
        if (target.Result is not Ok<(RegionCode City, LocalDate Day)> found)
        {
            return target.Result is UnknownRegionProblem notFound ? notFound : (InvalidParameterProblem)target.Result;
        }

        string note = body.Note?.Trim() ?? string.Empty;
        if (note.Length > DustDay.MaxNoteLength || note.Any(char.IsControl))
        {
            string reason = $"the note must be at most {DustDay.MaxNoteLength} characters without control characters";
            return new InvalidBodyProblem(reason + ".", ApiProblems.Errors("$.note", reason));
        }

        DustDay mark = await register.MarkAsync(found.Value.City, found.Value.Day, note, AuditActor.Of(context), cancellationToken);
        return TypedResults.Ok(DustDayDto.From(mark));
    }

    private static async Task<Results<NoContent, UnknownRegionProblem, InvalidParameterProblem>> UnmarkAsync(
        string city, string day, DustDayRegister register, IStationStore stations, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        Results<Ok<(RegionCode, LocalDate)>, UnknownRegionProblem, InvalidParameterProblem> target =
            await FindAsync(city, day, context.User, stations, time, cancellationToken);
        if (target.Result is not Ok<(RegionCode City, LocalDate Day)> found)
        {
            return target.Result is UnknownRegionProblem notFound ? notFound : (InvalidParameterProblem)target.Result;
        }

        return await register.UnmarkAsync(found.Value.City, found.Value.Day, AuditActor.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : new UnknownRegionProblem($"{city} has no dust-day mark on {day}.");
    }

    /// <summary>The city (with air stations, in the caller's scope — else 404 as if it did not exist) and the day (not after today, CST).</summary>
    private static async Task<Results<Ok<(RegionCode, LocalDate)>, UnknownRegionProblem, InvalidParameterProblem>> FindAsync(
        string city, string day, ClaimsPrincipal user, IStationStore stations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!RegionCode.TryParse(city, out RegionCode code) || !DustDay.IsCity(code))
        {
            return new InvalidParameterProblem($"city '{city}' is not the 6-digit code of a city (e.g. 510100).");
        }

        LocalDate today = ChinaTime.ToLocal(Instant.FromDateTimeOffset(time.GetUtcNow())).Date;
        if (!ApiTime.TryParseDate(day, out LocalDate date) || date > today)
        {
            return new InvalidParameterProblem($"day '{day}' is not a date (yyyy-MM-dd) from 2000-01-01 to today.");
        }

        if (!StaffScope.Of(user).Covers(code, null))
        {
            return new UnknownRegionProblem($"No air-quality station is registered in city '{city}'.");
        }

        Results<Ok<EvaluationSubject>, UnknownRegionProblem, InvalidParameterProblem> region = await RegionLookup.FindAsync(code.Value, network: null, stations, cancellationToken);
        return region.Result switch
        {
            UnknownRegionProblem notFound => notFound,
            InvalidParameterProblem bad => bad,
            _ => TypedResults.Ok((code, date)),
        };
    }
}
