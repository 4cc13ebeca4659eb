using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.LocalPasswordsDisabled"/>: a password sign-in on a platform whose people sign in through the identity provider only.</summary>
internal sealed class LocalPasswordsDisabledProblem(string detail) : ProblemResult(ProblemTypes.LocalPasswordsDisabled, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.LocalPasswordsDisabled);
}
