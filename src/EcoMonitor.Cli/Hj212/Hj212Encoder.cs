using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Hj212;

/// <summary><c>ecomon hj212 encode</c>: one JSON object per input line (the decode shape, docs/cli.md), one frame per output line.</summary>
internal static class Hj212Encoder
{
    /// <summary>Encodes every non-blank line; a bad line is reported on <paramref name="error"/> and makes the exit code 1.</summary>
    public static int Run(Stream input, Stream output, TextWriter error, Encoding textEncoding)
    {
        LineReader reader = new(input);
        int lineNumber = 0;
        int exitCode = 0;
        while (reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            lineNumber++;
            if (line.Trim("\r \t"u8).IsEmpty)
            {
                continue;
            }

            if (!Hj212JsonReader.TryRead(line, out Hj212Message? message, out string? problem))
            {
                error.WriteLine($"line {lineNumber}: {problem}");
                exitCode = 1;
                continue;
            }

            try
            {
                output.Write(Hj212Formatter.Format(message, textEncoding));
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"line {lineNumber}: {ex.Message}");
                exitCode = 1;
            }
        }

        output.Flush();
        return exitCode;
    }
}
