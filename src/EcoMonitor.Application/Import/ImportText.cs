using System.IO.Compression;
using System.Text;

namespace EcoMonitor.Application.Import;

/// <summary>Opening import files: plain or gzip, UTF-8 with or without BOM.</summary>
public static class ImportText
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// A reader over <paramref name="stream"/>, decompressing it when it starts with the gzip magic bytes. Detection
    /// needs a seekable stream; a non-seekable one is read as plain text. The reader owns the stream.
    /// </summary>
    public static StreamReader OpenReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream source = IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
    }

    /// <summary>Opens a file for streaming reading (gzip detected by content, whatever the extension).</summary>
    public static StreamReader OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return OpenReader(stream);
    }

    private static bool IsGzip(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        long position = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = position;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
