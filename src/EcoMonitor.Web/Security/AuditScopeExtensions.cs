using EcoMonitor.Application.Audit;

namespace EcoMonitor.Web.Security;

/// <summary>Opens an <see cref="AuditScope"/> per request, so that every audit record written while serving it carries the client's address.</summary>
internal static class AuditScopeExtensions
{
    /// <summary>Adds the middleware; place it after the forwarded-headers middleware (the address it records is the client's).</summary>
    public static WebApplication UseAuditScope(this WebApplication app)
    {
        app.Use(static async (context, next) =>
        {
            using IDisposable scope = AuditScope.Begin(AuditActor.Address(context));
            await next(context);
        });
        return app;
    }
}
