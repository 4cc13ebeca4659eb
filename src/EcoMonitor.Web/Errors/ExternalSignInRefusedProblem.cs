using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.ExternalSignInRefused"/>: the identity provider's sign-in was not accepted (unlinked, disabled, unchecked answer).</summary>
internal sealed class ExternalSignInRefusedProblem(string detail) : ProblemResult(ProblemTypes.ExternalSignInRefused, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.ExternalSignInRefused);
}
