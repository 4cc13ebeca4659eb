using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Web.Security;

/// <summary>Who a request acts as, for the audit trail: the authenticated user's name and the client's address.</summary>
internal static class AuditActor
{
    /// <summary>The authenticated name, or <see cref="AuditActors.Unattributed"/> when the request has none.</summary>
    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : AuditActors.Unattributed;

    /// <summary>The client's network address (after the configured forwarded headers), or null when unknown.</summary>
    public static string? Address(HttpContext context) => NetworkAddress.Text(context.Connection.RemoteIpAddress);
}
