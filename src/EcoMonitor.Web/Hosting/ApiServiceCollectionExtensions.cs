using System.Text.Json.Serialization;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Scalar.AspNetCore;

namespace EcoMonitor.Web.Hosting;

/// <summary>Registration of the HTTP API: JSON, problem details (Errors/, docs/api-errors.md), the bootstrap-key authentication, OpenAPI.</summary>
internal static class ApiServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // Every error is a problem written by ProblemWriter (registered first, so the service picks it before the
        // framework's writer); minimal APIs throw on a request they cannot bind, so that ProblemExceptionHandler
        // answers it with the framework's reason instead of an empty 400.
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
            .Validate(o => o.ApiKeyBackoff.Problem() is null, "Security:ApiKeyBackoff is not usable (FirstDelay > 0, MaxDelay >= FirstDelay, Window > 0)").ValidateOnStart();
        services.AddSingleton<ApiKeyThrottle>();
        services.AddBearerSchemes();
        services.AddAuthorizationBuilder().AddPermissionPolicies(services);
        services.AddOpenApi("v1", o => o
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "EcoMonitor API";
                document.Info.Description = "Stations, parameters and observations of the EcoMonitor monitoring network. Times are ISO 8601 with offset; a period is identified by its start (an hourly value at 08:00 covers 08:00-09:00 China Standard Time). The public portal's reads are open to anyone; every write and every staff read (alarms, rules, quality, review, ingest figures, audit) needs a console sign-in with a person's account whose roles grant the permission (or, in an emergency, the bootstrap key) — such operations carry the `staff` security requirement, which names the permission they need (docs/security.md).";
                // The same document wherever it is served from (no server URL of the request) and committed
                // (docs/openapi.v1.json, OpenApiDocumentTests).
                document.Servers?.Clear();
                OpenApiStaffSecurity.AddScheme(document);
                OpenApiProblems.AddSchema(document);
                return Task.CompletedTask;
            })
            .AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                OpenApiStaffSecurity.Require(operation, context);
                await OpenApiRequestBodies.DescribeAsync(operation, context, cancellationToken);
                OpenApiProblems.Describe(operation, context);
            }));
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuditScope();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        // A fresh nonce per request on Scalar's script tags; SecurityHeaders allows it in /api-docs' own policy.
        app.MapScalarApiReference(SecurityHeaders.ApiDocsPath, o => o
            .WithTitle("EcoMonitor API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .WithNonce())
            .RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        return app;
    }
}
