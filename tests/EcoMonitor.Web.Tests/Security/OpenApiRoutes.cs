using System.Text.RegularExpressions;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>Concrete paths for the OpenAPI document's route templates, for tests that call every endpoint.</summary>
internal static partial class OpenApiRoutes
{
    /// <summary><paramref name="template"/> with each parameter replaced by a value of its kind (a sample station, id 1, a city, else <c>x</c>).</summary>
    public static string Fill(string template) => Parameter().Replace(template, m => m.Groups[1].Value switch
    {
        "mn" or "station" => "1431A",
        "id" => "1",
        "region" or "code" => "510100",
        _ => "x",
    });

    [GeneratedRegex("{([^}:]+)(:[^}]*)?}")]
    private static partial Regex Parameter();
}
