using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.SetUpRefused"/>: the set-up token is wrong, used or expired, or set-up is done.</summary>
internal sealed class SetUpRefusedProblem(string detail) : ProblemResult(ProblemTypes.SetUpRefused, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.SetUpRefused);
}
