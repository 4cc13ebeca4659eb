using System.Globalization;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Assessment targets (考核目标, ADR 0040): published like the statistics (provinces publish their targets); set and
/// removed by staff with <c>targets.write</c> for regions in their jurisdiction (audited, 404 outside it); progress of a
/// region's targets with the projection to the year end.
/// </summary>
internal static class TargetEndpoints
{
    public static RouteGroupBuilder MapTargetEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder targets = api.MapGroup("/targets").WithTags("Evaluation");
        targets.MapGet("/", ListAsync).PublicData()
            .WithSummary("Regions' assessment targets (考核目标) for a year.")
            .WithDescription("`year` (2000–2100) is required; `region` (optional, a 6-digit code) keeps that region and the regions inside it (a province: its cities and counties). Ordered by region code. Who set them is in the audit trail, not here.");
        targets.MapPut("/{region}/{year}", SetAsync).RequirePermission(Permission.TargetsWrite)
            .WithSummary("Sets (replaces) a region's targets for a year.")
            .WithDescription("`region` is a province, city or county code of GB/T 2260 within the caller's jurisdiction (else 404, like an unknown region: a city manager sets their city and its counties only); `year` 2000–2100. Body: `pm25` (µg/m³, above 0, at most 500), `goodDayRatio` (%, 0–100), `heavyPollutionDays` (0–366), `goodWaterShare` (%, 0–100), `sections` (MN → target class 1–5 of the region's surface-water sections for that year, overriding the registry's class; at most 2000); each optional, at least one. A refused field is named in `errors` (e.g. `$.pm25`). Audited as target.set / target.changed with the old and the new value.");
        targets.MapDelete("/{region}/{year}", RemoveAsync).RequirePermission(Permission.TargetsWrite)
            .WithSummary("Removes a region's targets for a year (audited as target.removed with the old value).");
        api.MapGet("/regions/{code}/targets/{year}/progress", ProgressAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Progress of a region's targets for a year: to date, projection to 31 December, on track.")
            .WithDescription("To date: 1 January to yesterday (CST), the whole year once over. Air from the region's official statistics (`/regions/{code}/statistics`, ADR 0037); a province's is the arithmetic mean of its cities' figures (全省平均: PM2.5 means, good-day ratios, heavy-pollution days, to date and projected, 1 decimal; cities with an air-quality station, those without data left out; `hasAirFigures` false when it has none); water from the stored section days (a section's class: GB 3838 on the means of its daily means). Projection: the rest of the year is assumed to repeat the same days of the previous year; without those data the value to date stands (docs/standards.md \"Assessment targets\"). 404 when the region has no targets for the year.");
        return api;
    }

    private static async Task<Results<Ok<TargetDto[]>, InvalidParameterProblem>> ListAsync(
        string? year, string? region, ITargetStore store, CancellationToken cancellationToken)
    {
        if (year is null || !TryParseYear(year, out int y))
        {
            return new InvalidParameterProblem($"year must be given, from {RegionTargets.FirstYear} to {RegionTargets.LastYear}.");
        }

        RegionCode area = default;
        if (region is not null && !RegionCode.TryParse(region, out area))
        {
            return new InvalidParameterProblem($"region '{Cut(region)}' is not a 6-digit region code (e.g. 510000 or 510100).");
        }

        string? prefix = region is null || area.Prefix.Length == 0 ? null : area.Prefix;
        IReadOnlyList<RegionTargets> rows = await store.ListAsync(y, prefix, cancellationToken);
        return TypedResults.Ok(rows.Where(t => region is null || area.Contains(t.Region)).Select(TargetDto.From).ToArray());
    }

    private static async Task<Results<Ok<TargetDto>, UnknownRegionProblem, InvalidParameterProblem, InvalidBodyProblem>> SetAsync(
        string region, string year, TargetInput body, TargetRegister register, IStationStore stations, RegionCatalog catalog, HttpContext context,
        CancellationToken cancellationToken)
    {
        Results<Ok<(RegionCode, int)>, UnknownRegionProblem, InvalidParameterProblem> target = Find(region, year, context, catalog);
        if (target.Result is not Ok<(RegionCode Region, int Year)> found)
        {
            return target.Result is UnknownRegionProblem notFound ? notFound : (InvalidParameterProblem)target.Result;
        }

        var problems = new List<(string Place, string Reason)>();
        var sections = new List<SectionTargetClass>();
        foreach ((string mn, int cls) in body.Sections ?? [])
        {
            if (StationId.TryParse(mn, out StationId id))
            {
                sections.Add(new SectionTargetClass(id, cls));
            }
            else
            {
                problems.Add(("$.sections", $"'{Cut(mn)}' is not an MN"));
            }
        }

        var targets = new RegionTargets(
            found.Value.Region, found.Value.Year, body.Pm25, body.GoodDayRatio, body.HeavyPollutionDays, body.GoodWaterShare, sections, "-", Instant.MinValue);
        problems.AddRange(TargetRegister.Check(targets, await stations.ListAsync(cancellationToken)).Select(p => (p.Field, p.Reason)));
        if (problems.Count > 0)
        {
            return new InvalidBodyProblem("The targets are refused; see errors.", ApiProblems.Errors(problems));
        }

        RegionTargets stored = await register.SetAsync(targets, AuditActor.Of(context), cancellationToken);
        return TypedResults.Ok(TargetDto.From(stored));
    }

    private static async Task<Results<NoContent, UnknownRegionProblem, InvalidParameterProblem>> RemoveAsync(
        string region, string year, TargetRegister register, RegionCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        Results<Ok<(RegionCode, int)>, UnknownRegionProblem, InvalidParameterProblem> target = Find(region, year, context, catalog);
        if (target.Result is not Ok<(RegionCode Region, int Year)> found)
        {
            return target.Result is UnknownRegionProblem notFound ? notFound : (InvalidParameterProblem)target.Result;
        }

        return await register.RemoveAsync(found.Value.Region, found.Value.Year, AuditActor.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : new UnknownRegionProblem($"Region '{region}' has no targets for {year}.");
    }

    private static async Task<Results<Ok<TargetProgressDto>, UnknownRegionProblem, InvalidParameterProblem>> ProgressAsync(
        string code, string year, TargetProgressService progress, CancellationToken cancellationToken)
    {
        if (!RegionCode.TryParse(code, out RegionCode region) || region == RegionCode.Nation)
        {
            return new InvalidParameterProblem($"region '{Cut(code)}' is not the 6-digit code of a province, city or county (e.g. 510100).");
        }

        if (!TryParseYear(year, out int y))
        {
            return new InvalidParameterProblem($"year '{Cut(year)}' is not a year from {RegionTargets.FirstYear} to {RegionTargets.LastYear}.");
        }

        TargetProgress? result = await progress.GetAsync(region, y, cancellationToken);
        return result is null
            ? new UnknownRegionProblem($"Region '{code}' has no targets for {y}.")
            : TypedResults.Ok(TargetProgressDto.From(result));
    }

    /// <summary>The region (listed in GB/T 2260 and in the caller's scope — else 404 as if unknown) and the year.</summary>
    private static Results<Ok<(RegionCode, int)>, UnknownRegionProblem, InvalidParameterProblem> Find(
        string region, string year, HttpContext context, RegionCatalog catalog)
    {
        if (!RegionCode.TryParse(region, out RegionCode code) || code == RegionCode.Nation)
        {
            return new InvalidParameterProblem($"region '{Cut(region)}' is not the 6-digit code of a province, city or county (e.g. 510100).");
        }

        if (!TryParseYear(year, out int y))
        {
            return new InvalidParameterProblem($"year '{Cut(year)}' is not a year from {RegionTargets.FirstYear} to {RegionTargets.LastYear}.");
        }

        return catalog.Problem(code) is null && StaffScope.Of(context.User).Covers(code, null)
            ? TypedResults.Ok((code, y))
            : new UnknownRegionProblem($"There is no region '{region}'.");
    }

    private static bool TryParseYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= RegionTargets.FirstYear and <= RegionTargets.LastYear;

    private static string Cut(string text) => text.Length <= 24 ? text : text[..24];
}
