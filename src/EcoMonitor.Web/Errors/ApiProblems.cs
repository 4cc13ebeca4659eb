using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// The one way an error answer of the HTTP API is made: a problem of one of the <see cref="ProblemTypes"/>, written by
/// the problem details service (<see cref="ProblemWriter"/>). Endpoints return the typed results of this folder
/// (<see cref="ProblemResult"/>); middleware that answers by itself (rate limits, the key's backoff) writes through
/// <see cref="WriteAsync"/>.
/// </summary>
internal static class ApiProblems
{
    /// <summary>A problem of <paramref name="type"/>; with <paramref name="errors"/> (place in the body → reasons) a validation problem.</summary>
    public static ProblemDetails Create(ProblemType type, string? detail, IDictionary<string, string[]>? errors = null)
    {
        ProblemDetails problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        problem.Type = type.Uri;
        problem.Title = type.Title;
        problem.Status = type.Status;
        problem.Detail = detail;
        return problem;
    }

    /// <summary>Answers the request with a problem of <paramref name="type"/> (its status included), unless the response has started.</summary>
    public static async ValueTask WriteAsync(HttpContext context, ProblemType type, string? detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = type.Status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Create(type, detail),
        });
    }

    /// <summary>Field errors keyed by one place in the body.</summary>
    public static Dictionary<string, string[]> Errors(string place, params string[] reasons) => new(StringComparer.Ordinal) { [place] = reasons };

    /// <summary>Field errors grouped by place, in the order first met.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<(string Place, string Reason)> errors) =>
        errors.GroupBy(e => e.Place, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The place of a field of entry <paramref name="index"/> of a body that is one object or an array of them:
    /// <c>$.field</c> or <c>$[index].field</c>; <c>$</c> for the body as a whole (a negative index, no field, or the
    /// registry's field name for the whole body, <c>body</c>).
    /// </summary>
    public static string Place(bool isArray, int index, string? field)
    {
        string entry = index >= 0 && isArray ? $"$[{index.ToString(CultureInfo.InvariantCulture)}]" : "$";
        return index < 0 || string.IsNullOrEmpty(field) || field == "body" ? entry : $"{entry}.{field}";
    }
}
