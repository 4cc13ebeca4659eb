using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// An endpoint's error outcome: a problem of one <see cref="ProblemType"/>, executed like <c>TypedResults.Problem</c>
/// (through the problem details service, so <see cref="ProblemWriter"/> writes it). Each kind an endpoint can answer has
/// its own subclass, so that the kinds are in the handler's signature (<c>Results&lt;Ok&lt;StationDto&gt;, UnknownStationProblem&gt;</c>)
/// and, through <see cref="IEndpointMetadataProvider"/>, in the endpoint's metadata (<see cref="ProblemTypeMetadata"/>),
/// from which the OpenAPI document describes the operation's error responses.
/// </summary>
internal abstract class ProblemResult(ProblemType type, string detail, IDictionary<string, string[]>? errors = null)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    /// <summary>The problem answered.</summary>
    public ProblemDetails Value { get; } = ApiProblems.Create(type, detail, errors);

    object? IValueHttpResult.Value => Value;

    /// <summary>The kind of the problem.</summary>
    public ProblemType Type { get; } = type;

    public int? StatusCode => Type.Status;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    /// <summary>Records in an endpoint's metadata that it may answer <paramref name="type"/>.</summary>
    protected static void Declare(EndpointBuilder builder, ProblemType type)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProblemTypeMetadata(type));
    }
}
