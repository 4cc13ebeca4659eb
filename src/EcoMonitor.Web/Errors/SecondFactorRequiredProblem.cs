using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.SecondFactorRequired"/>: the password is right; send the authenticator's code.</summary>
internal sealed class SecondFactorRequiredProblem(string detail) : ProblemResult(ProblemTypes.SecondFactorRequired, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.SecondFactorRequired);
}
