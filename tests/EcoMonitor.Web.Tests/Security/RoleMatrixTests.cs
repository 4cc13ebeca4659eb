using System.Net;
using System.Text;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The role × endpoint matrix, generated from the OpenAPI document (issue 14): one signed-in person per role (and one
/// with no role) calls every operation; an operation whose `staff` requirement names a permission the role grants
/// (docs/security.md) is let through — whatever it then says of the request — and every other is refused with 403;
/// public and signed-in operations are let through for everyone. Jurisdiction and enterprise filtering (a person of
/// another county) is ADR 0036 phase 2: <see cref="JurisdictionLeakTests"/>.
/// </summary>
[Trait("Area", "Security")]
public sealed class RoleMatrixTests
{
    // Signing out would end the session the rest of the matrix uses; it is public and covered elsewhere.
    private static readonly string[] NotCalled = ["POST /api/v1/console/logout"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_ForEveryRole_IsAllowedExactlyWhenTheRoleGrantsItsPermission()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Accounts:TwoFactorForEnforcement"] = "false" });
        Uri server = api.Client.BaseAddress!;
        var people = new List<(string Name, PermissionSet Permissions, string Cookie)>();
        foreach (Role role in RolePermissions.Roles.Where(r => r != Role.DepartmentClient))
        {
            string user = "matrix." + role.ToString().ToLowerInvariant();
            await TestPeople.CreateAsync(api.Services, user, [role],
                RoleAssignment.IsAdministrator(role) ? null : TestPeople.Nation, role == Role.EnterpriseUser ? "矩阵测试企业" : null);
            // The administrators sign in with two factors: the enrolment used this step, the sign-in takes the next.
            string? code = RoleAssignment.IsAdministrator(role)
                ? TotpAuthenticator.CodeAt(await TestPeople.EnrolTwoFactorAsync(api.Services, user), DateTimeOffset.UtcNow.AddSeconds(30))
                : null;
            people.Add((role.ToString(), RolePermissions.Of(role), await TestPeople.SignInAsync(server, user, code: code)));
        }

        await TestPeople.CreateAsync(api.Services, "matrix.nobody", []);
        people.Add(("(no role)", PermissionSet.None, await TestPeople.SignInAsync(server, "matrix.nobody")));

        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        var wrong = new List<string>();
        int calls = 0;
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                string method = operation.Name.ToUpperInvariant();
                if (NotCalled.Contains($"{method} {path.Name}", StringComparer.Ordinal))
                {
                    continue;
                }

                Permission? needed = Needed(operation.Value);
                foreach ((string name, PermissionSet permissions, string cookie) in people)
                {
                    HttpStatusCode status = await SendAsync(server, method, OpenApiRoutes.Fill(path.Name), cookie);
                    calls++;
                    bool allowed = needed is not { } permission || permissions.Contains(permission);
                    if (allowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Forbidden)
                    {
                        wrong.Add($"{name}: {method} {path.Name} answered {(int)status}, expected {(allowed ? "not 401/403" : "403")} (needs {needed?.Name() ?? "nothing"})");
                    }
                }
            }
        }

        Assert.True(calls > 400, $"only {calls} calls: the OpenAPI document lists fewer operations than expected");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls} calls broke the role matrix:\n" + string.Join('\n', wrong));
    }

    /// <summary>The permission the operation's `staff` requirement names; null when it names none (public or any signed-in person).</summary>
    private static Permission? Needed(JsonElement operation)
    {
        if (!operation.TryGetProperty("security", out JsonElement security))
        {
            return null;
        }

        string[] names = [.. security.EnumerateArray().SelectMany(r => r.GetProperty("staff").EnumerateArray()).Select(n => n.GetString()!)];
        Assert.True(names.Length <= 1, $"an operation names {names.Length} permissions");
        if (names.Length == 0)
        {
            return null;
        }

        Assert.True(Permissions.TryParse(names[0], out Permission permission), $"unknown permission '{names[0]}' in the OpenAPI document");
        return permission;
    }

    private static async Task<HttpStatusCode> SendAsync(Uri server, string method, string path, string cookie)
    {
        using HttpClient client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server };
        using HttpRequestMessage request = new(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        request.Headers.Add("Cookie", cookie);
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
