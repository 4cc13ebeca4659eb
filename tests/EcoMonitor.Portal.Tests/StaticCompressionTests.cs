using System.IO.Compression;
using System.Net;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The portal's files go out compressed: the build's Brotli/gzip copies of static files (Hosting/PrecompressedStaticFiles)
/// and API JSON compressed per request, each to a client that accepts the encoding, the same bytes once decoded.
/// </summary>
[Trait("Area", "Portal")]
public sealed class StaticCompressionTests : IDisposable
{
    private readonly PortalServer _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task StaticFiles_ToAClientAcceptingTheEncoding_AreTheCompressedCopiesOfTheSameBytes()
    {
        (string Path, string Accept, string Encoding, string Type)[] files =
        [
            ("/lib/echarts/echarts.portal.min.js", "br", "br", "text/javascript"),
            ("/geo/china.json", "gzip, deflate, br, zstd", "br", "application/json"),
            ("/js/map.js", "gzip", "gzip", "text/javascript"),
            ("/", "br;q=1, gzip;q=0.5", "br", "text/html"),
            ("/css/site.css", "br;q=0, gzip", "gzip", "text/css"),
        ];
        foreach ((string path, string accept, string encoding, string type) in files)
        {
            byte[] plain = await GetAsync(path, null, expectedEncoding: null, type, varies: true);
            byte[] compressed = await GetAsync(path, accept, encoding, type, varies: true);

            Assert.True(compressed.Length < plain.Length * 0.6, $"{path}: {compressed.Length} compressed bytes of {plain.Length}");
            Assert.Equal(plain, Decode(compressed, encoding));
        }
    }

    [Fact]
    public async Task ApiJson_ToAClientAcceptingBrotli_IsCompressed()
    {
        byte[] plain = await GetAsync("/api/v1/aqi/levels", null, expectedEncoding: null, "application/json", varies: false);
        byte[] compressed = await GetAsync("/api/v1/aqi/levels", "br", "br", "application/json", varies: true);

        Assert.Equal(plain, Decode(compressed, "br"));
    }

    [Fact]
    public async Task CompressedCopies_ByTheirOwnNames_AreNotFound()
    {
        foreach (string path in new[] { "/js/map.js.br", "/console/index.html.gz" })
        {
            using HttpResponseMessage response = await _server.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task<byte[]> GetAsync(string path, string? acceptEncoding, string? expectedEncoding, string type, bool varies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using HttpResponseMessage response = await _server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(type, response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(expectedEncoding is null ? [] : [expectedEncoding], response.Content.Headers.ContentEncoding);
        if (varies)
        {
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static byte[] Decode(byte[] data, string encoding)
    {
        using var input = new MemoryStream(data);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
