using System.Net;
using System.Text.Json;
using EcoMonitor.Web.Errors;

namespace EcoMonitor.Web.Tests;

/// <summary>Checks of the API's one error shape: an RFC 9457 problem (docs/api-errors.md).</summary>
internal static class ProblemAssert
{
    /// <summary>
    /// Asserts that <paramref name="response"/> is a problem of the kind <paramref name="kind"/> (<c>unknown-station</c>)
    /// with status <paramref name="status"/>; returns its body.
    /// </summary>
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string kind)
    {
        Assert.Equal(status, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(Problem(response, body) is null, Problem(response, body));
        using var document = JsonDocument.Parse(body);
        JsonElement problem = document.RootElement.Clone();
        Assert.Equal(ProblemType.UriPrefix + kind, problem.GetProperty("type").GetString());
        return problem;
    }

    /// <summary>
    /// What is wrong with <paramref name="response"/> (read as <paramref name="body"/>) as an error answer of the API,
    /// or null when it is a well-formed problem: <c>application/problem+json</c>; <c>type</c> one of ours (or
    /// <c>about:blank</c>); <c>title</c> the kind's own; <c>status</c> the response's; <c>errors</c> on an
    /// <c>invalid-body</c>; no stack trace.
    /// </summary>
    public static string? Problem(HttpResponseMessage response, string body)
    {
        int status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} answered as '{response.Content.Headers.ContentType}', not application/problem+json: {Cut(body)}";
        }

        JsonElement problem;
        try
        {
            using var document = JsonDocument.Parse(body);
            problem = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"{status}: the body is not JSON: {Cut(body)}";
        }

        string? type = problem.TryGetProperty("type", out JsonElement t) ? t.GetString() : null;
        string? title = problem.TryGetProperty("title", out JsonElement ti) ? ti.GetString() : null;
        int? said = problem.TryGetProperty("status", out JsonElement s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
        ProblemType? kind = ProblemTypes.Find(type);
        return said != status ? $"{status}: status member {said?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}: {Cut(body)}"
            : kind is null && type != "about:blank" ? $"{status}: type '{type}' is none of ours: {Cut(body)}"
            : kind is not null && kind.Status != status ? $"{status}: type '{type}' belongs to status {kind.Status}"
            : string.IsNullOrWhiteSpace(title) || (kind is not null && title != kind.Title) ? $"{status}: title '{title}' is not the kind's: {Cut(body)}"
            : kind == ProblemTypes.InvalidBody && !problem.TryGetProperty("errors", out _) ? $"{status}: invalid-body without errors: {Cut(body)}"
            : body.Contains("   at ", StringComparison.Ordinal) ? $"{status}: a stack trace: {Cut(body)}"
            : null;
    }

    private static string Cut(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
