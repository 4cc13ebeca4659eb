using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.UnknownAlarmRule"/>: no alarm rule has this id.</summary>
internal sealed class UnknownAlarmRuleProblem(string detail) : ProblemResult(ProblemTypes.UnknownAlarmRule, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.UnknownAlarmRule);
}
