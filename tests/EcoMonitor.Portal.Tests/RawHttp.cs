using System.Net.Sockets;
using System.Text;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// An HTTP/1.1 GET sent byte for byte over a socket, so that the request target reaches the server exactly as written
/// (HttpClient and Uri would remove dot segments and re-encode): how an attacker's tool sends it.
/// </summary>
public static class RawHttp
{
    /// <summary>The answer to <c>GET {target}</c>: status code, header lines (lower-case names) and body text.</summary>
    public static async Task<RawResponse> GetAsync(int port, string target, CancellationToken cancellationToken, string? cookie = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        await using NetworkStream stream = client.GetStream();
        string request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n" + (cookie is null ? "" : $"Cookie: {cookie}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string text = await reader.ReadToEndAsync(cancellationToken);
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string[] head = text[..end].Split("\r\n");
        var headers = head[1..]
            .Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim())
            .ToDictionary(g => g.Key, g => string.Join(", ", g));
        return new RawResponse(int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, text[(end + 4)..]);
    }
}

/// <summary>A raw HTTP answer.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out string? value) ? value : null;
}
