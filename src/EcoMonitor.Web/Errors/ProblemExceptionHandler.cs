using System.Text.Json;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details (<see cref="ProblemTypes"/>): a broken domain rule
/// is the client's 400 <c>domain-rule</c> with its stable <c>code</c>; a request the framework could not read
/// (<see cref="BadHttpRequestException"/>: a body that is not JSON, a parameter not of its type, a body too large, a
/// content type not read; minimal APIs throw these, <c>RouteHandlerOptions.ThrowOnBadRequest</c>) is the kind of its
/// status with the framework's reason, and the place in the body when JSON was at fault; a store that cannot be reached
/// (as its engine tells, <see cref="IStoreHealth.IsUnavailable"/>) is 503 with <c>Retry-After</c> and one warning line;
/// anything else is logged once and answered 500 without stack trace or SQL.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStoreHealth store, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is EcoMonitorDomainException domain)
        {
            problem = ApiProblems.Create(ProblemTypes.DomainRule, domain.Message);
            problem.Extensions["code"] = domain.Code;
        }
        else if (exception is BadHttpRequestException bad)
        {
            ProblemType type = ProblemTypes.ForStatus(bad.StatusCode) ?? ProblemTypes.MalformedRequest;
            problem = exception.InnerException is JsonException json
                ? ApiProblems.Create(type, bad.Message, ApiProblems.Errors(json.Path ?? "$", JsonReason(json)))
                : ApiProblems.Create(type, bad.Message);
            problem.Status = bad.StatusCode;
        }
        else if (store.IsUnavailable(exception))
        {
            WebLog.StoreUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.GetBaseException().Message);
            StoreUnavailableProblem.Apply(httpContext.Response);
            problem = ApiProblems.Create(ProblemTypes.StoreUnavailable, null);
        }
        else
        {
            WebLog.UnhandledError(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = ApiProblems.Create(ProblemTypes.InternalError, null);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    // System.Text.Json's message without its own position suffix (the place is the key) and without our type names.
    private static string JsonReason(JsonException json)
    {
        string message = json.Message;
        int position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = position < 0 ? message : message[..position];
        return message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal)
            ? "The JSON value is not of the expected type."
            : message;
    }
}
