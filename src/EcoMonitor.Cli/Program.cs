using System.CommandLine;
using EcoMonitor.Cli.Commands;

namespace EcoMonitor.Cli;

/// <summary>Entry point of <c>ecomon</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        RootCommand root = new("ecomon — EcoMonitor command-line tool: HJ 212 codec, simulation, import, evaluation, audit.");
        root.Subcommands.Add(Hj212Command.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(QualityCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
