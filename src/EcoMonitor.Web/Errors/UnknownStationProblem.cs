using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownStation"/>: no station with this MN is registered.</summary>
internal sealed class UnknownStationProblem(string detail) : ProblemResult(ProblemTypes.UnknownStation, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownStation);
}
