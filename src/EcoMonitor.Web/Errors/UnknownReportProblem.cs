using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownReport"/>: no archived report the caller may read has this id.</summary>
internal sealed class UnknownReportProblem(string detail) : ProblemResult(ProblemTypes.UnknownReport, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownReport);
}
