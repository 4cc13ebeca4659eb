using System.CommandLine;
using EcoMonitor.Cli.Eval;

namespace EcoMonitor.Cli.Commands;

/// <summary>
/// <c>ecomon eval</c>: the evaluation contract of ../shared/contracts/ecomon-eval.md: JSON lines in (stdin or
/// <c>--input FILE</c>), JSON lines out. Exit code 0 even when some lines gave errors (they are in the output).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        Option<FileInfo> input = new("--input") { Description = "Read JSON lines from FILE instead of stdin." };
        input.AcceptExistingOnly();
        Command command = new("eval", "Evaluate JSON lines per the national standards (AQI, statistics, water, noise, soil).")
        {
            input,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            FileInfo? file = parseResult.GetValue(input);
            using TextReader reader = file is null ? Console.In : new StreamReader(file.FullName);
            await EvalRunner.RunAsync(reader, parseResult.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }
}
