using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Api;

/// <summary>
/// API clients of other departments and systems (ADR 0036 §8, docs/security.md "API clients"): the security
/// administrator (<c>clients.manage</c>) lists them, issues a key (answered once, never again) and revokes one (at once,
/// on every node: each request looks its client up). Issuing and revoking are in the audit trail with the actor
/// (<c>client.issued</c>, <c>client.revoked</c>), never with the secret or its hash. Not scoped by jurisdiction: the
/// clients are the platform's, like the accounts; a key's own jurisdiction limits what it reads.
/// </summary>
internal static class ApiClientEndpoints
{
    public static RouteGroupBuilder MapApiClientEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder clients = api.MapGroup("/clients").WithTags("API clients");
        clients.MapGet("/", ListAsync).RequirePermission(Permission.ClientsManage)
            .WithSummary("Every API client with its permissions, jurisdiction, rate, expiry and state (never a key or hash), by name.");
        clients.MapPost("/", IssueAsync).RequirePermission(Permission.ClientsManage)
            .WithSummary("Issues a key to another department's or system's client and answers it once (it is stored only as a hash).")
            .WithDescription("Body: {\"name\": \"省水利厅水文数据交换\", \"owner\": \"省水利厅信息中心\", \"permissions\": [\"alarms.read\"], \"jurisdiction\": \"510000\", \"validDays\": 365}. The client sends `Authorization: Bearer <key>`; it reads what its permissions allow within its jurisdiction, at its own rate (429 with `Retry-After`, `RateLimit-Policy` and `RateLimit`). 409 `client-conflict` when the name is taken.");
        clients.MapPost("/{id}/revoke", RevokeAsync).RequirePermission(Permission.ClientsManage)
            .WithSummary("Revokes a client's key at once (clients are never deleted; revoking twice changes nothing).");
        return api;
    }

    private static async Task<Ok<ApiClientDto[]>> ListAsync(ApiClientService clients, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToInstant();
        return TypedResults.Ok((await clients.ListAsync(cancellationToken)).Select(c => ApiClientDto.From(c, now)).ToArray());
    }

    private static async Task<Results<Created<ApiClientKeyDto>, InvalidBodyProblem, ClientConflictProblem>> IssueAsync(
        ApiClientIssueInput input, HttpContext context, ApiClientService clients, TimeProvider time, CancellationToken cancellationToken)
    {
        List<Permission> permissions = [];
        foreach (string name in input.Permissions ?? [])
        {
            if (!Permissions.TryParse(name ?? "", out Permission permission))
            {
                return Refused("$.permissions", $"'{name}' is not a permission");
            }

            permissions.Add(permission);
        }

        if (!RegionCode.TryParse((input.Jurisdiction ?? "").Trim(), out RegionCode jurisdiction))
        {
            return Refused("$.jurisdiction", "a jurisdiction is required: a region code of 6 digits (province, city or county, GB/T 2260; 100000 the whole country)");
        }

        if (input.ValidDays is not (>= 1 and <= 3660))
        {
            return Refused("$.validDays", "validDays is required: the days until the key stops working");
        }

        var now = time.GetUtcNow().ToInstant();
        try
        {
            (ApiClient client, string key) = await clients.IssueAsync(AuditActor.Of(context), new ApiClientRequest
            {
                Name = input.Name ?? "",
                Owner = input.Owner ?? "",
                Permissions = permissions,
                Jurisdiction = jurisdiction,
                ExpiresAt = now + Duration.FromDays(input.ValidDays.Value),
                RequestsPerSecond = input.RequestsPerSecond,
                Burst = input.Burst,
            }, cancellationToken);
            return TypedResults.Created($"/api/v1/clients/{client.Id}", new ApiClientKeyDto(ApiClientDto.From(client, now), key));
        }
        catch (ApiClientRuleException e)
        {
            return new InvalidBodyProblem("The request breaks an API client rule: " + string.Join("; ", e.Problems) + ".", ApiProblems.Errors("$", [.. e.Problems]));
        }
        catch (ApiClientConflictException e)
        {
            return new ClientConflictProblem(e.Message);
        }
    }

    private static async Task<Results<Ok<ApiClientDto>, UnknownClientProblem>> RevokeAsync(
        string id, HttpContext context, ApiClientService clients, TimeProvider time, CancellationToken cancellationToken) =>
        await clients.RevokeAsync(AuditActor.Of(context), id, cancellationToken) is { } client
            ? TypedResults.Ok(ApiClientDto.From(client, time.GetUtcNow().ToInstant()))
            : new UnknownClientProblem("No API client has this id.");

    private static InvalidBodyProblem Refused(string place, string reason) => new(reason + ".", ApiProblems.Errors(place, reason));
}
