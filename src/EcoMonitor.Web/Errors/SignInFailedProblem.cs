using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.SignInFailed"/>: a console sign-in with a wrong user name or password.</summary>
internal sealed class SignInFailedProblem(string detail) : ProblemResult(ProblemTypes.SignInFailed, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.SignInFailed);
}
