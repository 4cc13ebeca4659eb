using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Marks in the OpenAPI document what a stranger may not call: the scheme <see cref="SchemeName"/> (the bearer key; a
/// console sign-in's cookie works as well) and, on every operation whose endpoint requires authorization, a security
/// requirement of it. Anything without one is public (docs/deploy.md §8 "Who may read what").
/// </summary>
internal static class OpenApiStaffSecurity
{
    /// <summary>The security scheme's name in the document.</summary>
    public const string SchemeName = "staff";

    /// <summary>Adds the scheme to <paramref name="document"/>.</summary>
    public static void AddScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Staff only: `Authorization: Bearer <key>` (Security:BootstrapAdminKey), or the cookie of a console sign-in.",
        };
    }

    /// <summary>Adds the requirement to <paramref name="operation"/> when its endpoint requires authorization.</summary>
    public static void Require(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
    }
}
