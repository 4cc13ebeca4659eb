using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownClient"/>: no API client has this id.</summary>
internal sealed class UnknownClientProblem(string detail) : ProblemResult(ProblemTypes.UnknownClient, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownClient);
}
