using EcoMonitor.Application.Access;
using EcoMonitor.Application.Work;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Background work set aside after repeated failures of its own: listed for staff, and put back on request (docs/adr/0027).</summary>
internal static class WorkEndpoints
{
    private const int MaxListed = 1_000;

    public static RouteGroupBuilder MapWorkEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder work = api.MapGroup("/work").WithTags("Work");
        work.MapGet("/set-aside", ListAsync)
            .RequirePermission(Permission.WorkRead)
            .WithSummary("Station-days the background workers (evaluation, quality checks, alarms) set aside after repeated failures of their own, earliest first.")
            .WithDescription("A station-day whose work keeps failing on its own (e.g. an impossible value that overflows a computation) is tried `Work:MaxAttempts` times (default 3), then set aside with its last error while the rest of the work goes on; a failure of the store itself is never set aside (it is retried with a back-off). Each row: `id`, `kind` (evaluation, quality, alarms), `station`, `interval`, `day` (CST), `error` (type and message), `attempts`, `since` (set aside at), `lastFailedAt`. At most 1,000. Needs a console sign-in or the bearer key (administrator).");
        work.MapPost("/set-aside/{id:long}/retry", RetryAsync)
            .RequirePermission(Permission.WorkRetry)
            .WithSummary("Puts set-aside work back: the station-day is worked on again, whole, from what the store holds.")
            .WithDescription("Removes the set-aside record (its attempts start again), records `work.retried` in the audit trail with the record as it was, and hands the day to this node's worker of its kind (another node's sweep takes it up otherwise). If it fails again it is set aside again after the same number of attempts. Answers the record as it was, or 404 when no set-aside work has that id. Needs the bearer key or a console sign-in (administrator).");
        return api;
    }

    private static async Task<Ok<SetAsideWorkDto[]>> ListAsync(SetAsideWorkService service, CancellationToken cancellationToken)
    {
        IReadOnlyList<SetAsideWork> items = await service.ListAsync(MaxListed, cancellationToken);
        return TypedResults.Ok(items.Select(SetAsideWorkDto.From).ToArray());
    }

    private static async Task<Results<Ok<SetAsideWorkDto>, UnknownSetAsideWorkProblem>> RetryAsync(
        long id, SetAsideWorkService service, HttpContext context, CancellationToken cancellationToken)
    {
        RetriedWork? retried = await service.RetryAsync(id, AuditActor.Of(context), cancellationToken);
        return retried is null
            ? new UnknownSetAsideWorkProblem($"No set-aside work with id {id}.")
            : TypedResults.Ok(SetAsideWorkDto.From(retried.Item));
    }
}
