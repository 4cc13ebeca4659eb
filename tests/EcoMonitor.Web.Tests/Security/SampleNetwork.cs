using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>The shipped sample network as the stations know it: each station's MN and password, read from the registry file.</summary>
internal static class SampleNetwork
{
    private static readonly Lazy<Dictionary<string, string>> Passwords = new(Read);

    /// <summary>The registered password of <paramref name="mn"/>.</summary>
    public static string Password(string mn) => Passwords.Value[mn];

    private static Dictionary<string, string> Read()
    {
        using FileStream file = RepoFiles.Open("samples/network/stations.json");
        using var document = JsonDocument.Parse(file);
        JsonElement stations = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("stations");
        return stations.EnumerateArray().ToDictionary(s => s.GetProperty("mn").GetString()!, s => s.GetProperty("password").GetString()!, StringComparer.Ordinal);
    }
}
