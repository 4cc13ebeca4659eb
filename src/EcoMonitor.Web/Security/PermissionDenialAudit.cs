using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Records every 403 of a signed-in caller as a security event (ADR 0036 §9: permission denials enter the audit trail,
/// aggregated per user and address like every security event), then answers as the framework does.
/// </summary>
internal sealed class PermissionDenialAudit(ISecurityEventSink events, TimeProvider time) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            string needed = context.GetEndpoint()?.Metadata.GetMetadata<EndpointAccess>() is { Permission: { } permission } ? permission.Name() : "a permission";
            string pending = AccountClaims.PendingOf(context.User) is { Count: > 0 } steps ? $" (the session must first do: {string.Join(", ", steps)})" : "";
            events.Record(new SecurityEvent(SecurityEventKind.PermissionDenied, name, AuditActor.Address(context), time.GetUtcNow().ToInstant(),
                $"{context.Request.Method} {context.Request.Path}: needs {needed}{pending}"));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
