using System.CommandLine;
using System.Text;
using EcoMonitor.Cli.Hj212;

namespace EcoMonitor.Cli.Commands;

/// <summary><c>ecomon hj212</c>: the HJ 212 codec on the command line (decode, encode). The JSON contract is in docs/cli.md.</summary>
internal static class Hj212Command
{
    public static Command Create()
    {
        Command command = new("hj212", "HJ 212 frames: decode to JSON lines, encode from JSON lines.");
        command.Subcommands.Add(CreateSubcommand("decode", "Decode frames (one per line) to JSON lines.", Hj212Decoder.Run));
        command.Subcommands.Add(CreateSubcommand("encode", "Encode JSON lines to frames (one per line).", Hj212Encoder.Run));
        return command;
    }

    private static Command CreateSubcommand(string name, string description, Func<Stream, Stream, TextWriter, Encoding, int> run)
    {
        Argument<FileInfo?> file = new("FILE")
        {
            Description = "Input file; standard input when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string> encoding = new("--encoding")
        {
            Description = "Text encoding of the frames' fields: utf-8 or gbk.",
            DefaultValueFactory = _ => "utf-8",
        };
        encoding.AcceptOnlyFromAmong("utf-8", "gbk");
        Command command = new(name, description) { file, encoding };
        command.SetAction(parseResult =>
        {
            FileInfo? path = parseResult.GetValue(file);
            Encoding textEncoding = Hj212TextEncodings.Get(parseResult.GetValue(encoding)!);
            using Stream input = path is null ? Console.OpenStandardInput() : path.OpenRead();
            using Stream output = Console.OpenStandardOutput();
            return run(input, output, Console.Error, textEncoding);
        });
        return command;
    }
}
