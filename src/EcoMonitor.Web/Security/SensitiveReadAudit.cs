using EcoMonitor.Application.Audit;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Reads of sensitive data enter the audit trail (ADR 0036 §9, issue 14 item 6): raw frames and falsification evidence.
/// An endpoint filter records, after a successful answer, who read what (the station of the route, or <c>*</c> for a
/// list), from where (the request's audit scope) and with which query — one entry per read; nothing is recorded for a
/// refusal (the 401/403 are security events already).
/// </summary>
internal static class SensitiveReadAudit
{
    /// <summary>Records each successful call as <paramref name="action"/> on the route's station.</summary>
    public static TBuilder AuditsReads<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            object? result = await next(context);
            if (IsSuccess(result))
            {
                HttpContext http = context.HttpContext;
                string subject = http.Request.RouteValues.TryGetValue("mn", out object? mn) && mn is string station ? station : "*";
                IAuditTrail audit = http.RequestServices.GetRequiredService<IAuditTrail>();
                await audit.RecordAsync(new AuditRecord(AuditActor.Of(http), action, "station", subject)
                {
                    Reason = $"GET {http.Request.Path}{http.Request.QueryString}",
                }, http.RequestAborted);
            }

            return result;
        });

    private static bool IsSuccess(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
    }
}
