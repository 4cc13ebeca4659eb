using System.Security.Claims;
using System.Text.RegularExpressions;
using EcoMonitor.Application.Access;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Deny by default (ADR 0036): every endpoint under <c>/api</c> states who may call it — the public, any signed-in staff
/// principal, or holders of one permission — and docs/security.md lists the same endpoints under the same permissions
/// and the same role matrix as the code.
/// </summary>
[Trait("Area", "Security")]
public sealed partial class EndpointAccessTests
{
    [Fact]
    public async Task EveryApiEndpoint_StatesWhoMayCallIt_ExactlyOnce()
    {
        await using var api = new ApiFactory();
        _ = api.Client;

        RouteEndpoint[] endpoints = ApiEndpoints(api);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint =>
        {
            string name = Describe(endpoint);
            IReadOnlyList<EndpointAccess> access = endpoint.Metadata.GetOrderedMetadata<EndpointAccess>();
            Assert.True(access.Count == 1, $"{name} states its access {access.Count} times: {string.Join(", ", access)}");
            string[] policies = [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)")];
            bool anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            switch (access[0].Kind)
            {
                case EndpointAccessKind.Public:
                    Assert.True(anonymous, $"{name} is public but not anonymous");
                    Assert.True(policies.Length == 0, $"{name} is public but also requires {string.Join(", ", policies)}");
                    break;
                case EndpointAccessKind.SignedIn:
                    Assert.False(anonymous, name);
                    Assert.Equal([Roles.ConsolePolicy], policies);
                    break;
                default:
                    Assert.False(anonymous, $"{name} requires a permission but allows anonymous callers (a public group?)");
                    Assert.Equal([PermissionPolicies.PolicyName(access[0].Permission!.Value)], policies);
                    break;
            }
        });
    }

    [Fact]
    public async Task DocsSecurity_ListsEveryEndpoint_UnderTheAccessTheCodeGivesIt()
    {
        await using var api = new ApiFactory();
        _ = api.Client;
        string[] inCode = [.. ApiEndpoints(api)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{Access(e)} {m} {Route(e)}"))
            .Order(StringComparer.Ordinal)];

        string[] inDocs = [.. EndpointRows().Order(StringComparer.Ordinal)];

        Assert.Equal(inCode, inDocs);
    }

    [Fact]
    public void DocsSecurity_RoleMatrix_IsTheCodes()
    {
        string[] lines = DocsLines();
        int header = Array.FindIndex(lines, l => l.StartsWith("| permission \\ role", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/security.md has no role matrix");
        string[] roles = [.. Cells(lines[header]).Skip(1).Select(c => c.Trim('`'))];
        Assert.Equal(RolePermissions.Roles.Select(r => r.ToString()), roles);

        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToArray();
        Assert.Equal(Permissions.All.Select(p => p.Name()), rows.Select(r => r[0].Trim('`')));
        foreach (string[] row in rows)
        {
            Assert.True(Permissions.TryParse(row[0].Trim('`'), out Permission permission));
            for (int i = 0; i < roles.Length; i++)
            {
                bool documented = row[i + 1] == "✓";
                Assert.True(documented == RolePermissions.Of(Enum.Parse<Role>(roles[i])).Contains(permission),
                    $"docs/security.md: {roles[i]} × {permission.Name()} says {(documented ? "yes" : "no")}, the code the opposite");
            }
        }
    }

    [Fact]
    public void Permissions_AreTheUnionOfTheRoleClaims_AndNothingForStrangersOrUnknownRoles()
    {
        static ClaimsPrincipal Principal(params string[] roles) =>
            new(new ClaimsIdentity([.. roles.Select(r => new Claim(StaffPermissions.RoleClaimType, r))], "test"));

        Assert.Equal(PermissionSet.None, StaffPermissions.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffPermissions.RoleClaimType, nameof(Role.Enforcement))]))));
        Assert.Equal(RolePermissions.Of([Role.DataReviewer, Role.Manager]), StaffPermissions.Of(Principal(nameof(Role.DataReviewer), nameof(Role.Manager))));
        Assert.Equal(PermissionSet.None, StaffPermissions.Of(Principal("Root", "administrators", "99")));
        Assert.Equal(PermissionSet.Everything, StaffPermissions.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Administrator)], "test"))));
    }

    private static RouteEndpoint[] ApiEndpoints(ApiFactory api) =>
        [.. api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal))];

    private static string Route(RouteEndpoint endpoint) => "/" + RouteConstraint().Replace(endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'), "}");

    private static string Access(RouteEndpoint endpoint)
    {
        EndpointAccess access = endpoint.Metadata.GetMetadata<EndpointAccess>()!;
        return access.Kind switch
        {
            EndpointAccessKind.Public => "public",
            EndpointAccessKind.SignedIn => "signed-in",
            _ => access.Permission!.Value.Name(),
        };
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {Route(endpoint)}";

    // "| `alarms.read` | `GET /api/v1/alarms`, `GET /api/v1/alarms/{id}` |" → "alarms.read GET /api/v1/alarms", …
    private static IEnumerable<string> EndpointRows()
    {
        string[] lines = DocsLines();
        int header = Array.FindIndex(lines, l => l.StartsWith("| access | endpoints", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/security.md has no endpoint table");
        foreach (string[] row in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells))
        {
            string access = row[0].Trim('`');
            foreach (Match endpoint in Code().Matches(row[1]))
            {
                yield return $"{access} {endpoint.Groups[1].Value}";
            }
        }
    }

    private static string[] DocsLines() => File.ReadAllLines(RepoFiles.Path("docs/security.md"));

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
