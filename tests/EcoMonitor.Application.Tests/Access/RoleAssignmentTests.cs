using EcoMonitor.Application.Access;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class RoleAssignmentTests
{
    [Theory]
    [InlineData(new[] { Role.SystemAdministrator })]
    [InlineData(new[] { Role.AuditAdministrator })]
    [InlineData(new[] { Role.DataReviewer, Role.Manager, Role.Enforcement })]
    [InlineData(new[] { Role.EnterpriseUser })]
    [InlineData(new Role[0])]
    public void Allowed(Role[] roles) => Assert.Null(RoleAssignment.ProblemForAccount(roles));

    [Theory]
    [InlineData(new[] { Role.SystemAdministrator, Role.AuditAdministrator }, "三员分立")]
    [InlineData(new[] { Role.SecurityAdministrator, Role.SystemAdministrator }, "三员分立")]
    [InlineData(new[] { Role.AuditAdministrator, Role.DataReviewer }, "holds no other role")]
    [InlineData(new[] { Role.EnterpriseUser, Role.Manager }, "enterprise user")]
    [InlineData(new[] { Role.DepartmentClient }, "API clients")]
    public void Refused_WithAReason(Role[] roles, string reason) =>
        Assert.Contains(reason, RoleAssignment.ProblemForAccount(roles), StringComparison.Ordinal);
}
