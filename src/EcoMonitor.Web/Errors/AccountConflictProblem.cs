using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace EcoMonitor.Web.Errors;

/// <summary>The problem <see cref="ProblemTypes.AccountConflict"/>: the name is taken or the account kept changing.</summary>
internal sealed class AccountConflictProblem(string detail) : ProblemResult(ProblemTypes.AccountConflict, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemTypes.AccountConflict);
}
