using EcoMonitor.Application.Access;
using Microsoft.AspNetCore.Authorization;

namespace EcoMonitor.Web.Security;

/// <summary>The authorization requirement of a permission's policy (<see cref="PermissionPolicies"/>).</summary>
internal sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;
