using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.ClientConflict"/>: another API client has this name.</summary>
internal sealed class ClientConflictProblem(string detail) : ProblemResult(ProblemTypes.ClientConflict, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.ClientConflict);
}
