using System.Diagnostics;

namespace EcoMonitor.Testing;

/// <summary>
/// The last lines a child process printed on its standard output and error, for failure messages and test output.
/// Thread-safe: the process's output events add lines from their own threads.
/// </summary>
public sealed class RecentLines
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    /// <summary>Keeps up to <paramref name="capacity"/> lines, forgetting the oldest.</summary>
    public RecentLines(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Collects both output streams of <paramref name="process"/>, started with them redirected.</summary>
    public void Follow(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The lines kept, oldest first, one per line.</summary>
    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    private void Add(string? line)
    {
        // Null: the stream ended.
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }
}
