namespace EcoMonitor.Cli.Bench;

/// <summary>The platform refused a benchmark's statistics request: the message says which key to give.</summary>
internal sealed class BenchAccessException(string message) : Exception(message);
