using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.TooManyAttempts"/>: too many failed sign-ins; the caller has set Retry-After.</summary>
internal sealed class TooManyAttemptsProblem(string detail) : ProblemResult(ProblemTypes.TooManyAttempts, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.TooManyAttempts);
}
