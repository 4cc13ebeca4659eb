using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownAlarm"/>: no alarm has this id.</summary>
internal sealed class UnknownAlarmProblem(string detail) : ProblemResult(ProblemTypes.UnknownAlarm, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownAlarm);
}
