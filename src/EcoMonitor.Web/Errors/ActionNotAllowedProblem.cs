using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.ActionNotAllowed"/>: the alarm's state does not allow the action.</summary>
internal sealed class ActionNotAllowedProblem(string detail) : ProblemResult(ProblemTypes.ActionNotAllowed, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.ActionNotAllowed);
}
