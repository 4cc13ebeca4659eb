using System.Globalization;
using System.Text;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// The error responses of the OpenAPI document: one <see cref="SchemaName"/> schema (RFC 9457 as this API writes it,
/// <see cref="ProblemWriter"/>), and on every operation one <c>application/problem+json</c> response per status it may
/// answer with, describing the kinds (<see cref="ProblemTypes"/>) behind it. The kinds come from the endpoint's result
/// types (<see cref="ProblemTypeMetadata"/>) and from what the pipeline does to it: any body or typed parameter may be
/// malformed, a body may be too large or of another media type, a staff endpoint refuses strangers and backs off
/// guessed keys, the rate limit, a fault, the store away.
/// </summary>
internal static class OpenApiProblems
{
    /// <summary>The name of the problem schema in the document's components.</summary>
    public const string SchemaName = "Problem";

    /// <summary>Adds the problem schema to <paramref name="document"/>.</summary>
    public static void AddSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An error (RFC 9457 problem details), always as application/problem+json. `type` tells the kind of error (docs/api-errors.md); `title` is fixed per kind; `detail` says what exactly was wrong.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = Text("uri", "The kind of error: " + string.Join(", ", ProblemTypes.All.Select(t => $"`{t.Uri}`")) + "; `about:blank` for a status without a kind of its own."),
                ["title"] = Text(null, "A short summary of the kind, 中文 / English; the same for every error of the kind."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = Text(null, "What exactly was wrong, readable by an operator."),
                ["traceId"] = Text(null, "The request's trace id, as in the server's logs."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "invalid-body (and malformed-request when the JSON at fault is known): each place in the request body (`$`, `$.region`, `$[3].mn`) with its reasons.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["code"] = Text(null, "domain-rule only: the stable code of the rule."),
            },
        };
    }

    /// <summary>Replaces the error responses of <paramref name="operation"/> by those its endpoint may answer.</summary>
    public static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        ApiDescription api = context.Description;
        IList<object> metadata = api.ActionDescriptor.EndpointMetadata;
        List<ProblemType> kinds = [.. metadata.OfType<ProblemTypeMetadata>().Select(m => m.Type)];
        // A body parameter or an Accepts declaration: routing answers 415 to another content type either way.
        bool checksContentType = api.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        bool hasBody = checksContentType || operation.RequestBody is not null;
        if (hasBody || api.ParameterDescriptions.Any(p => p.Source != BindingSource.Path && (p.IsRequired || !IsText(p.Type))))
        {
            kinds.Add(ProblemTypes.MalformedRequest);
        }

        if (metadata.OfType<IAuthorizeData>().Any())
        {
            kinds.AddRange([ProblemTypes.Unauthorized, ProblemTypes.Forbidden, ProblemTypes.TooManyAttempts]);
        }

        if (hasBody)
        {
            kinds.Add(ProblemTypes.PayloadTooLarge);
        }

        if (checksContentType)
        {
            kinds.Add(ProblemTypes.UnsupportedMediaType);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            kinds.Add(ProblemTypes.RateLimited);
        }

        kinds.AddRange([ProblemTypes.InternalError, ProblemTypes.StoreUnavailable]);
        operation.Responses ??= [];
        foreach (IGrouping<int, ProblemType> status in kinds.Distinct().OrderBy(k => ProblemTypes.All.IndexOf(k)).GroupBy(k => k.Status))
        {
            operation.Responses[status.Key.ToString(CultureInfo.InvariantCulture)] = Response(status.Key, [.. status], context.Document);
        }

        SortByStatus(operation.Responses);
    }

    private static OpenApiResponse Response(int status, ProblemType[] kinds, OpenApiDocument? document)
    {
        StringBuilder text = new();
        foreach (ProblemType kind in kinds)
        {
            text.Append(kinds.Length > 1 ? "- " : "").Append('`').Append(kind.Uri).Append("` ").Append(kind.Title).Append(": ").Append(kind.When).Append('\n');
        }

        OpenApiResponse response = new()
        {
            Description = text.ToString().TrimEnd('\n'),
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemWriter.MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) },
            },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        }

        return response;
    }

    private static void SortByStatus(OpenApiResponses responses)
    {
        KeyValuePair<string, IOpenApiResponse>[] sorted = [.. responses.OrderBy(r => r.Key, StringComparer.Ordinal)];
        responses.Clear();
        foreach (KeyValuePair<string, IOpenApiResponse> response in sorted)
        {
            responses.Add(response.Key, response.Value);
        }
    }

    private static bool IsText(Type? type) => type is null || type == typeof(string);

    private static OpenApiSchema Text(string? format, string description) => new() { Type = JsonSchemaType.String, Format = format, Description = description };
}
