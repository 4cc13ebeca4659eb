using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details: a broken domain rule is the client's 400 with
/// its stable code; a store that cannot be reached (as its engine tells, <see cref="IStoreHealth.IsUnavailable"/>) is
/// 503 with <c>Retry-After</c> and one warning line; anything else is logged once and answered 500 without stack
/// trace or SQL.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems, IStoreHealth store, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string? code = null;
        string? detail = null;
        if (exception is EcoMonitorDomainException domain)
        {
            status = StatusCodes.Status400BadRequest;
            title = domain.Message;
            code = domain.Code;
        }
        else if (exception is BadHttpRequestException bad)
        {
            status = bad.StatusCode;
            title = bad.Message;
        }
        else if (store.IsUnavailable(exception))
        {
            WebLog.StoreUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.GetBaseException().Message);
            StoreUnavailableProblem.Apply(httpContext.Response);
            status = StatusCodes.Status503ServiceUnavailable;
            title = StoreUnavailableProblem.Title;
            detail = StoreUnavailableProblem.Detail;
        }
        else
        {
            WebLog.UnhandledError(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            title = "An internal error occurred; it has been logged.";
        }

        httpContext.Response.StatusCode = status;
        ProblemDetailsContext context = new()
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (code is not null)
        {
            context.ProblemDetails.Extensions["code"] = code;
        }

        return await problems.TryWriteAsync(context);
    }
}
