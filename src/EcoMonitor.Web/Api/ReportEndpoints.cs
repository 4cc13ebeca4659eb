using EcoMonitor.Application.Access;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Reports;
using EcoMonitor.Domain;
using EcoMonitor.Reports;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Report documents (docs/reports.md, ADR 0038): the archive listed and downloaded — public kinds by anyone, as the
/// portal offers them — and generated on demand by a manager for a region of their jurisdiction.
/// </summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("", ListAsync).PublicData()
            .WithSummary("Archived report documents (daily bulletin, monthly and annual air-quality report, monthly surface-water report), newest first.")
            .WithDescription("Every version of every format: `kind`, `region`, `period`, `format`, `version`, `fileName`, `size`, `contentHash` (SHA-256), `generatedAt`, `generatedBy`. Filters (optional): `kind` (daily-bulletin, monthly-air, annual-air, monthly-water), `region` (a province or city code: that region and the cities inside it), `period`. At most 200. Public: the kinds built today are published documents (公开), so anyone lists them; a staff-only kind would be listed only to staff within their jurisdiction.");
        reports.MapGet("/{id:long}", DownloadAsync).PublicData()
            .WithSummary("Downloads one archived report version.")
            .WithDescription("The file with its content type (DOCX, XLSX or PDF), a file name (`Content-Disposition: attachment`) and `X-Content-SHA256`. 404 `unknown-report` when no archived report the caller may read has the id.");
        reports.MapPost("", GenerateAsync).RequirePermission(Permission.ReportsWrite)
            .WithSummary("Generates a report now, in DOCX, XLSX and PDF, and archives it.")
            .WithDescription("Body: {\"kind\": \"monthly-air\", \"region\": \"510000\", \"period\": \"2019-12\"} (daily-bulletin: period yyyy-MM-dd; annual-air: period yyyy; monthly-water: the surface-water report, period yyyy-MM). The region must be a province or city inside the caller's jurisdiction (else 404 `unknown-region`, as for a region with no air-quality station — for monthly-water, no surface-water section). Built from the same numbers the statistics, AQI and water ranking endpoints serve; a regeneration over unchanged data adds no version (`isNew` false), over revised data version n+1 (the old kept). Audited as `report.generated`. Rate limited like every API call.");
        return api;
    }

    private static async Task<Results<Ok<ReportDto[]>, InvalidParameterProblem>> ListAsync(
        string? kind, string? region, string? period, IReportArchive archive, CancellationToken cancellationToken)
    {
        ReportKind? wanted = null;
        if (kind is not null)
        {
            if (!ReportCodes.TryParseKind(kind, out ReportKind parsed))
            {
                return new InvalidParameterProblem($"kind '{kind}' is not daily-bulletin, monthly-air, annual-air or monthly-water.");
            }

            wanted = parsed;
        }

        string? prefix = null;
        if (region is not null)
        {
            if (!RegionCode.TryParse(region, out RegionCode code))
            {
                return new InvalidParameterProblem($"region '{region}' is not a 6-digit region code.");
            }

            prefix = code.Prefix;
        }

        if (period is { Length: > 10 })
        {
            return new InvalidParameterProblem("period is yyyy-MM-dd or yyyy-MM.");
        }

        IReadOnlyList<ArchivedReport> found = await archive.ListAsync(new ReportQuery(prefix, wanted, period), cancellationToken);
        return TypedResults.Ok(found.Where(r => ReportCodes.IsPublic(r.Kind)).Select(r => ReportDto.From(r)).ToArray());
    }

    private static async Task<Results<FileContentHttpResult, UnknownReportProblem>> DownloadAsync(
        long id, IReportArchive archive, HttpContext context, CancellationToken cancellationToken)
    {
        ArchivedReport? report = await archive.FindAsync(id, cancellationToken);
        if (report is null || !ReportCodes.IsPublic(report.Kind))
        {
            return new UnknownReportProblem($"No archived report with id {id}.");
        }

        byte[]? content = await archive.ReadContentAsync(id, cancellationToken);
        if (content is null)
        {
            return new UnknownReportProblem($"No archived report with id {id}.");
        }

        context.Response.Headers["X-Content-SHA256"] = report.ContentHash;
        return TypedResults.File(content, ReportCodes.ContentType(report.Format), ReportDocument.FileName(report));
    }

    private static async Task<Results<Ok<ReportDto[]>, InvalidParameterProblem, UnknownRegionProblem>> GenerateAsync(
        ReportGenerateInput input, ReportGenerator generator, ReportUnits units, IStationStore stations, IAuditTrail audit, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!ReportCodes.TryParseKind(input.Kind, out ReportKind kind))
        {
            return new InvalidParameterProblem($"kind '{input.Kind}' is not daily-bulletin, monthly-air, annual-air or monthly-water.");
        }

        if (!RegionCode.TryParse(input.Region, out RegionCode region) || (region.Province != region && region.Prefecture != region) || region == RegionCode.Nation)
        {
            return new InvalidParameterProblem($"region '{input.Region}' is not the 6-digit code of a province (e.g. 510000) or a city (e.g. 510100).");
        }

        if (!ReportPeriods.IsValid(kind, input.Period))
        {
            return new InvalidParameterProblem($"period '{input.Period}' is not {ReportPeriods.Form(kind)}.");
        }

        AccessScope scope = StaffScope.Of(context.User);
        bool hasStations = kind == ReportKind.MonthlyWater
            ? (await stations.ListAsync(cancellationToken)).Any(s => s.Type == StationType.SurfaceWater && region.Contains(s.Region))
            : (await units.ListAsync(region, cancellationToken)).Count > 0;
        if (!scope.Covers(region, scope.Enterprise) || !hasStations)
        {
            // A region outside the jurisdiction is answered like one without stations.
            string what = kind == ReportKind.MonthlyWater ? "surface-water section" : "air-quality station";
            return new UnknownRegionProblem($"No {what} is registered in region '{region}' of your jurisdiction.");
        }

        string actor = AuditActor.Of(context);
        var stored = await generator.GenerateAsync(kind, region, input.Period!, actor, cancellationToken);
        await audit.RecordAsync(new AuditRecord(actor, "report.generated", "report", $"{ReportCodes.Of(kind)}/{region}/{input.Period}")
        {
            After = AuditJson.Serialize(stored.Select(s => new { s.Report.Id, Format = ReportCodes.Of(s.Report.Format), s.Report.Version, s.Report.ContentHash, s.IsNew })),
            Address = AuditActor.Address(context),
        }, cancellationToken);
        return TypedResults.Ok(stored.Select(s => ReportDto.From(s.Report, s.IsNew)).ToArray());
    }
}
