using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.IdentityProviderUnavailable"/>: the identity provider cannot be reached, so no sign-in through it can start.</summary>
internal sealed class IdentityProviderUnavailableProblem(string detail) : ProblemResult(ProblemTypes.IdentityProviderUnavailable, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.IdentityProviderUnavailable);
}
