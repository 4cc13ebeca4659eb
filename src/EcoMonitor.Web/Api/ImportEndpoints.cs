using EcoMonitor.Application.Access;
using EcoMonitor.Application.Import;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Api;

/// <summary>Import of laboratory and manual observations as CSV or JSON, with per-row errors (docs/import.md).</summary>
internal static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/observations/import", ImportAsync)
            .WithTags("Observations")
            .RequirePermission(Permission.ImportWrite)
            .Accepts<string>("text/csv", "application/json")
            .WithSummary("Imports observations from a CSV (text/csv) or JSON array (application/json) body.")
            .WithDescription("Columns / fields: station, parameter, interval, period_start, value[, flag, min, max] (docs/import.md). `periodLabel=periodEnd` when the file labels periods by their end. Good rows are stored; each refused row is reported with its line, column and reason. Re-importing the same rows changes nothing; a changed value becomes a new revision. The import is recorded in the audit trail (`observations.imported`: who, from where, rows inserted, unchanged, revised and refused, each revised value before and after).");
        return api;
    }

    private static async Task<Results<Ok<ImportResultDto>, InvalidParameterProblem, MalformedRequestProblem>> ImportAsync(
        HttpRequest request,
        string? periodLabel,
        StationRegistry registry,
        ParameterCatalog catalog,
        ObservationImporter importer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        PeriodLabel label = PeriodLabel.PeriodStart;
        if (periodLabel is not null && !(Enum.TryParse(periodLabel, ignoreCase: true, out label) && Enum.IsDefined(label)))
        {
            return new InvalidParameterProblem($"periodLabel '{periodLabel}' is not periodStart or periodEnd.");
        }

        AccessScope scope = StaffScope.Of(request.HttpContext.User);
        ImportOptions options = new()
        {
            ReceivedAt = time.GetUtcNow().ToInstant(),
            Source = ObservationSource.Api,
            PeriodLabel = label,
            Catalog = catalog,
            // A station outside the caller's jurisdiction is refused like an unknown one (the row's reason says both).
            IsKnownStation = id => registry.TryGet(id, out Station station) && scope.Covers(station),
        };
        string mediaType = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        IAsyncEnumerable<ImportItem> items;
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            items = new ObservationJsonReader(options).ReadAsync(request.Body, cancellationToken);
        }
        else if (mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            items = new ObservationCsvReader(options).ReadAsync(request.Body, cancellationToken);
        }
        else
        {
            return new MalformedRequestProblem($"Content type '{mediaType}' is not read here; send text/csv or application/json.");
        }

        ImportReport report = await importer.ImportAsync(items, new ImportOrigin(AuditActor.Of(request.HttpContext), $"POST /api/v1/observations/import ({mediaType})"), null, cancellationToken);
        return TypedResults.Ok(ImportResultDto.From(report));
    }
}
