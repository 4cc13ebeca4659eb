using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.MalformedRequest"/>: the request cannot be read as sent (here: a content type the endpoint does not read).</summary>
internal sealed class MalformedRequestProblem(string detail) : ProblemResult(ProblemTypes.MalformedRequest, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.MalformedRequest);
}
