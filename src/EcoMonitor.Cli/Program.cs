using System.CommandLine;
using EcoMonitor.Cli.Commands;

RootCommand root = new("ecomon — EcoMonitor command-line tool: HJ 212 codec, simulation, import.");
root.Subcommands.Add(Hj212Command.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());

return await root.Parse(args).InvokeAsync();
