using Microsoft.AspNetCore.Authorization;

namespace EcoMonitor.Web.Security;

/// <summary>Grants a <see cref="PermissionRequirement"/> when the principal's permissions (<see cref="StaffPermissions"/>) hold it.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (StaffPermissions.Of(context.User).Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
