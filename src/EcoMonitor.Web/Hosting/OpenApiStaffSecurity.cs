using EcoMonitor.Application.Access;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Marks in the OpenAPI document what a stranger may not call: the scheme <see cref="SchemeName"/> (the bearer key; a
/// console sign-in's cookie works as well) and, on every operation whose endpoint requires authorization, a security
/// requirement of it listing the permission the endpoint requires. Anything without one is public (docs/security.md).
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
            Description = "Staff only: the cookie of a console sign-in with a person's account (POST /api/v1/console/login) holding the named permission; in an emergency the bootstrap key, `Authorization: Bearer <key>` (Security:BootstrapAdminKey, off by default; docs/security.md).",
        };
    }

    /// <summary>
    /// Adds the requirement to <paramref name="operation"/> when its endpoint requires authorization, naming the
    /// endpoint's permission (ADR 0036) as the requirement's role (OpenAPI 3.1 allows role names for any scheme).
    /// </summary>
    public static void Require(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        IList<object> metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any())
        {
            return;
        }

        EndpointAccess? access = metadata.OfType<EndpointAccess>().LastOrDefault();
        List<string> roles = access?.Permission is { } permission ? [permission.Name()] : [];
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = roles });
    }
}
