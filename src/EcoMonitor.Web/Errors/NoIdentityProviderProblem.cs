using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.NotFound"/> of a sign-in through the identity provider where none is configured.</summary>
internal sealed class NoIdentityProviderProblem(string detail) : ProblemResult(ProblemTypes.NotFound, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.NotFound);
}
