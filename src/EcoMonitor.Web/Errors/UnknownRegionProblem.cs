using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownRegion"/>: no air-quality station is registered in this city or county.</summary>
internal sealed class UnknownRegionProblem(string detail) : ProblemResult(ProblemTypes.UnknownRegion, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownRegion);
}
