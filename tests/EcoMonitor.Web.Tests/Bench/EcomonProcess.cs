using System.Diagnostics;

namespace EcoMonitor.Web.Tests.Bench;

/// <summary>Runs the built <c>ecomon</c> tool as its own process and returns its exit code and output (stdout, then stderr).</summary>
internal static class EcomonProcess
{
    // Bounds a hung child process so the suite ends; not an assertion about speed.
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecomon.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(ProcessLimit);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
