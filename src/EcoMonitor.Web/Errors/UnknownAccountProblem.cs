using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownAccount"/>: no account has this name.</summary>
internal sealed class UnknownAccountProblem(string detail) : ProblemResult(ProblemTypes.UnknownAccount, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownAccount);
}
