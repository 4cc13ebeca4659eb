using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// The problem <see cref="ProblemTypes.InvalidBody"/>: the body was read but is refused, nothing stored; its
/// <c>errors</c> map each place in the body to its reasons (<see cref="ApiProblems.Place"/>).
/// </summary>
internal sealed class InvalidBodyProblem(string detail, IDictionary<string, string[]> errors)
    : ProblemResult(ProblemTypes.InvalidBody, detail, errors), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.InvalidBody);
}
