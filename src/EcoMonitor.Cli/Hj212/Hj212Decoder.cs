using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Hj212;

/// <summary><c>ecomon hj212 decode</c>: one frame per input line, one JSON object per output line (docs/cli.md).</summary>
internal static class Hj212Decoder
{
    /// <summary>Decodes every non-blank line of <paramref name="input"/>; returns 0 (decode errors are data, reported per line).</summary>
    public static int Run(Stream input, Stream output, TextWriter error, Encoding textEncoding)
    {
        LineReader reader = new(input);
        ArrayBufferWriter<byte> frame = new(1024);
        using Utf8JsonWriter json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        while (reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            if (line.Trim("\r \t"u8).IsEmpty)
            {
                continue;
            }

            frame.ResetWrittenCount();
            frame.Write(line.EndsWith("\r"u8) ? line[..^1] : line);
            frame.Write("\r\n"u8);
            Hj212JsonWriter.WriteDecoded(json, Hj212Parser.Parse(frame.WrittenSpan), textEncoding);
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }

        output.Flush();
        return 0;
    }
}
