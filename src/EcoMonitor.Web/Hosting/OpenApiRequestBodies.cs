using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Request bodies that the endpoint reads as a <see cref="System.Text.Json.JsonElement"/> (one object or an array of
/// them, validated entry by entry) would appear in the OpenAPI document as an empty schema. An endpoint says what the
/// body holds with <see cref="AcceptsOneOrMany{T}"/>, and the document shows it: one <c>T</c> or an array of <c>T</c>.
/// </summary>
internal static class OpenApiRequestBodies
{
    /// <summary>Documents the JSON body as one <typeparamref name="T"/> or an array of them.</summary>
    public static RouteHandlerBuilder AcceptsOneOrMany<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OneOrManyBody(typeof(T)));

    /// <summary>Sets the request body of an operation whose endpoint has <see cref="OneOrManyBody"/> metadata.</summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OneOrManyBody>().LastOrDefault() is not { } body || context.Document is null)
        {
            return;
        }

        string name = body.ItemType.Name;
        context.Document.Components ??= new OpenApiComponents();
        context.Document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!context.Document.Components.Schemas.ContainsKey(name))
        {
            context.Document.AddComponent(name, await context.GetOrCreateSchemaAsync(body.ItemType, null, cancellationToken));
        }

        var item = new OpenApiSchemaReference(name, context.Document);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"One {name} or an array of them.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [item, new OpenApiSchema { Type = JsonSchemaType.Array, Items = item }] },
                },
            },
        };
    }

    /// <summary>Endpoint metadata: the JSON body is one <paramref name="ItemType"/> or an array of them.</summary>
    internal sealed record OneOrManyBody(Type ItemType);
}
