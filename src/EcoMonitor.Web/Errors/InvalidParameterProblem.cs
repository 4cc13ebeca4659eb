using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.InvalidParameter"/>: a query or path parameter is not acceptable; the detail names it.</summary>
internal sealed class InvalidParameterProblem(string detail) : ProblemResult(ProblemTypes.InvalidParameter, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.InvalidParameter);
}
