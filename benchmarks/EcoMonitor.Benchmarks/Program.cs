using BenchmarkDotNet.Running;

namespace EcoMonitor.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*Sqlite*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
