using System.CommandLine;

namespace EcoMonitor.Cli.Commands;

/// <summary><c>ecomon hj212</c>: the HJ 212 codec on the command line (decode, encode).</summary>
internal static class Hj212Command
{
    public static Command Create()
    {
        Command command = new("hj212", "HJ 212 frames: decode to JSON lines, encode from JSON lines.");
        return command;
    }
}
