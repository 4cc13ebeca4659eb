using EcoMonitor.Application.Access;
using EcoMonitor.Application.Audit;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Reading and verifying the audit trail (docs/audit.md). Staff only: both need the administrator key.</summary>
internal static class AuditEndpoints
{
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder audit = api.MapGroup("/audit").WithTags("Audit").RequirePermission(Permission.AuditRead);
        audit.MapGet("/", ListAsync)
            .WithSummary("Audit-trail entries, newest first, optionally of one subject.")
            .WithDescription("`subjectType` (e.g. station, observation, config) and `subjectId` (e.g. an MN) filter; `before` (a sequence number) pages backwards; at most `limit` entries (default 100, at most 1000).");
        audit.MapGet("/verify", VerifyAsync)
            .WithSummary("Verifies the hash chain of the whole trail and reports the first entry where it breaks.")
            .WithDescription("`anchor` (optional) is a head printed by an earlier verification (`SEQUENCE:HASH`); with it the check also finds entries cut off the end and a trail rewritten from the start. Same check as `ecomon audit verify`.");
        return api;
    }

    private static async Task<Results<Ok<AuditEntryDto[]>, InvalidParameterProblem>> ListAsync(
        string? subjectType, string? subjectId, long? before, int? limit, IAuditLog log, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return new InvalidParameterProblem($"limit must be 1..{MaxLimit}.");
        }

        if (subjectId is not null && subjectType is null)
        {
            return new InvalidParameterProblem("subjectId needs subjectType.");
        }

        IReadOnlyList<AuditEntry> entries = await log.QueryAsync(
            new AuditQuery { SubjectType = subjectType, SubjectId = subjectId, BeforeSequence = before, Limit = limit ?? 100 }, cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryDto.From).ToArray());
    }

    private static async Task<Results<Ok<AuditVerificationDto>, InvalidParameterProblem>> VerifyAsync(
        string? anchor, AuditChainVerifier verifier, CancellationToken cancellationToken)
    {
        AuditAnchor? parsed = null;
        if (anchor is not null && !AuditAnchor.TryParse(anchor, out parsed))
        {
            return new InvalidParameterProblem("anchor must be SEQUENCE:HASH with a 64-digit hex hash, as a verification prints its head.");
        }

        AuditVerification v = await verifier.VerifyAsync(parsed, cancellationToken);
        return TypedResults.Ok(new AuditVerificationDto(v.IsIntact, v.EntriesChecked, new AuditAnchor(v.HeadSequence, v.HeadHash).ToString(), v.FirstBrokenSequence, v.Problem));
    }
}
