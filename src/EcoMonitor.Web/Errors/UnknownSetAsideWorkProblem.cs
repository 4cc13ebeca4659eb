using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownSetAsideWork"/>: no set-aside work has this id.</summary>
internal sealed class UnknownSetAsideWorkProblem(string detail) : ProblemResult(ProblemTypes.UnknownSetAsideWork, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownSetAsideWork);
}
