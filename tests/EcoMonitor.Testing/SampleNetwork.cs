using System.Collections.Frozen;
using System.Text.Json;

namespace EcoMonitor.Testing;

/// <summary>The shipped sample network (samples/network/stations.json) as a test sees it: each station's HJ 212 password.</summary>
public static class SampleNetwork
{
    private static readonly Lazy<FrozenDictionary<string, string>> Passwords = new(Load);

    /// <summary>The password of sample station <paramref name="mn"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a station of the sample network.</exception>
    public static string PasswordOf(string mn) =>
        Passwords.Value.TryGetValue(mn, out string? password) ? password : throw new KeyNotFoundException($"{mn} is not in samples/network/stations.json.");

    /// <summary>True when <paramref name="mn"/> is a station of the sample network.</summary>
    public static bool Contains(string mn) => Passwords.Value.ContainsKey(mn);

    private static FrozenDictionary<string, string> Load()
    {
        using FileStream stream = RepoFiles.Open("samples/network/stations.json");
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.GetProperty("stations").EnumerateArray()
            .ToFrozenDictionary(s => s.GetProperty("mn").GetString()!, s => s.GetProperty("password").GetString()!, StringComparer.Ordinal);
    }
}
