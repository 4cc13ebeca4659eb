using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// Writes every problem of the host — the endpoints', the exception handler's, the rate limiter's, and those of
/// status-only answers of the framework (status code pages: 401, 404, 405, …) — as <c>application/problem+json</c>,
/// whatever the request's <c>Accept</c> (the framework's own writer declines unless JSON is acceptable, which would
/// leave a CSV download's error as plain text). It completes a problem that lacks them: the <c>type</c>, <c>title</c>
/// and <c>detail</c> of the status's kind (<see cref="ProblemTypes.ForStatus"/>; <c>about:blank</c> and the reason
/// phrase for a status without one), and <c>traceId</c>, the request's id in the logs. Registered before
/// <c>AddProblemDetails</c> so that it is the service's first writer.
/// </summary>
internal sealed class ProblemWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public const string MediaType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        HttpContext http = context.HttpContext;
        ProblemDetails problem = context.ProblemDetails;
        int status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        ProblemType? kind = ProblemTypes.Find(problem.Type);
        if (kind is null)
        {
            // The framework's own answers carry its RFC 9110 links (or nothing): give them our kind of their status.
            kind = ProblemTypes.ForStatus(status);
            problem.Type = kind?.Uri ?? "about:blank";
            problem.Title = kind?.Title ?? ReasonPhrases.GetReasonPhrase(status);
        }

        problem.Detail ??= kind?.DefaultDetail;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, MediaType, http.RequestAborted));
    }
}
