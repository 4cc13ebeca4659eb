using System.Text.Json;
using System.Text.RegularExpressions;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>An operation of the OpenAPI document whose <c>staff</c> requirement names a permission.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route template.</param>
/// <param name="Permission">The permission it needs.</param>
internal sealed partial record StaffOperation(HttpMethod Method, string Template, Permission Permission)
{
    /// <summary>A read (GET): the in-scope positive controls call only these.</summary>
    public bool IsRead => Method == HttpMethod.Get;

    /// <summary>What the route names.</summary>
    public TargetKind Kind => Template switch
    {
        _ when Template.Contains("{mn}", StringComparison.Ordinal) => TargetKind.Station,
        _ when Template.StartsWith("/api/v1/alarms/{id", StringComparison.Ordinal) => TargetKind.Alarm,
        _ when Template.StartsWith("/api/v1/work/set-aside/{id", StringComparison.Ordinal) => TargetKind.SetAside,
        _ => TargetKind.None,
    };

    /// <summary>
    /// The path with <paramref name="target"/> as its station or id (<see cref="Kind"/>); an alarm rule's id is the
    /// test's air rule; every other parameter as <see cref="OpenApiRoutes.Fill"/> fills it.
    /// </summary>
    public string Fill(string? target) =>
        OpenApiRoutes.Fill(Target().Replace(Template, m => m.Groups[1].Value == "mn" || Kind != TargetKind.None ? target ?? m.Value : LeakNetwork.AirRule));

    /// <summary>The staff operations of <paramref name="document"/> (those whose <c>staff</c> requirement names a permission).</summary>
    public static IReadOnlyList<StaffOperation> AllIn(JsonElement document)
    {
        var operations = new List<StaffOperation>();
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("security", out JsonElement security))
                {
                    continue;
                }

                string[] names = [.. security.EnumerateArray().SelectMany(r => r.GetProperty("staff").EnumerateArray()).Select(n => n.GetString()!)];
                if (names.Length == 1 && Permissions.TryParse(names[0], out Permission permission))
                {
                    operations.Add(new StaffOperation(new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, permission));
                }
            }
        }

        return operations;
    }

    [GeneratedRegex("{(mn|id)(:[^}]*)?}")]
    private static partial Regex Target();
}
