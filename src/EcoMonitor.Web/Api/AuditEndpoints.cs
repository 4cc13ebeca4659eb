using EcoMonitor.Application.Access;
using EcoMonitor.Application.Audit;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Reading and verifying the audit trail (docs/audit.md), read-only: both need <see cref="Permission.AuditRead"/> (the audit
/// administrator, or the administrator key). Nothing here changes anything.
/// </summary>
internal static class AuditEndpoints
{
    private const int MaxLimit = 1000;
    private const int MaxTextLength = 200;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder audit = api.MapGroup("/audit").WithTags("Audit").RequirePermission(Permission.AuditRead);
        audit.MapGet("/", ListAsync)
            .WithSummary("Audit-trail entries, newest first, filtered by subject, actor, action and time.")
            .WithDescription("Read-only (the trail has no update and no delete); for the audit administrator (`audit.read`). Filters, all optional and combined: `subjectType` (e.g. station, observation, config, account) and `subjectId` (e.g. an MN; needs subjectType); `actor` exactly as recorded (e.g. `li.na`, `system:registry-seed`); `action` exact (`account.created`) or, ending in `.`, a prefix (`account.`, `security.`); `from` (inclusive) and `to` (exclusive), the time recorded, ISO 8601 with offset or a date (00:00 CST). `before` (a sequence number) pages backwards: pass the smallest sequence of a page to get the older ones. At most `limit` entries (default 100, at most 1000); each filter is served by an index. Bad values answer 400 `invalid-parameter`. Reading is not itself audited.");
        audit.MapGet("/verify", VerifyAsync)
            .WithSummary("Verifies the hash chain of the whole trail and reports the first entry where it breaks.")
            .WithDescription("`anchor` (optional) is a head printed by an earlier verification (`SEQUENCE:HASH`); with it the check also finds entries cut off the end and a trail rewritten from the start. Same check as `ecomon audit verify`.");
        return api;
    }

    private static async Task<Results<Ok<AuditEntryDto[]>, InvalidParameterProblem>> ListAsync(
        string? subjectType, string? subjectId, string? actor, string? action, string? from, string? to, long? before, int? limit,
        IAuditLog log, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return new InvalidParameterProblem($"limit must be 1..{MaxLimit}.");
        }

        if (subjectId is not null && subjectType is null)
        {
            return new InvalidParameterProblem("subjectId needs subjectType.");
        }

        if (!IsText(subjectType) || !IsText(subjectId) || !IsText(actor) || !IsText(action))
        {
            return new InvalidParameterProblem($"subjectType, subjectId, actor and action must be 1..{MaxTextLength} characters without control characters.");
        }

        Instant fromTime = default, toTime = default;
        if ((from is not null && !ApiTime.TryParse(from, out fromTime)) || (to is not null && !ApiTime.TryParse(to, out toTime)))
        {
            return new InvalidParameterProblem($"from and to must be {ApiTime.Expected}.");
        }

        if (from is not null && to is not null && fromTime >= toTime)
        {
            return new InvalidParameterProblem("from must be before to.");
        }

        IReadOnlyList<AuditEntry> entries = await log.QueryAsync(new AuditQuery
        {
            SubjectType = subjectType, SubjectId = subjectId, Actor = actor, Action = action,
            From = from is null ? null : fromTime, To = to is null ? null : toTime, BeforeSequence = before, Limit = limit ?? 100,
        }, cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryDto.From).ToArray());
    }

    /// <summary>Absent, or 1..<see cref="MaxTextLength"/> characters none of which is a control character.</summary>
    private static bool IsText(string? value) =>
        value is null || (value.Length is > 0 and <= MaxTextLength && !value.Any(char.IsControl));

    private static async Task<Results<Ok<AuditVerificationDto>, InvalidParameterProblem>> VerifyAsync(
        string? anchor, AuditChainVerifier verifier, CancellationToken cancellationToken)
    {
        AuditAnchor? parsed = null;
        if (anchor is not null && !AuditAnchor.TryParse(anchor, out parsed))
        {
            return new InvalidParameterProblem("anchor must be SEQUENCE:HASH with a 64-digit hex hash, as a verification prints its head.");
        }

        AuditVerification v = await verifier.VerifyAsync(parsed, cancellationToken);
        return TypedResults.Ok(new AuditVerificationDto(v.IsIntact, v.EntriesChecked, new AuditAnchor(v.HeadSequence, v.HeadHash).ToString(), v.PrunedThrough, v.FirstBrokenSequence, v.Problem));
    }
}
