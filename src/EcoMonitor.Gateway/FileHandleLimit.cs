using System.Globalization;

namespace EcoMonitor.Gateway;

/// <summary>
/// The process's limit of open file handles (sockets included), from which the gateway derives its connection limits.
/// On Linux the soft <c>RLIMIT_NOFILE</c> as <c>/proc/self/limits</c> shows it — read after start, so it includes the
/// .NET runtime's raise of the soft limit to the hard one (systemd <c>LimitNOFILE</c>, <c>ulimit -n</c>); elsewhere
/// a fixed figure (macOS: 10,240, the <c>OPEN_MAX</c> the runtime raises to; Windows: 16,384, handles are not the limit there).
/// </summary>
/// <param name="Value">Open files allowed (<see cref="int.MaxValue"/> for unlimited).</param>
/// <param name="Source">Where the figure came from, for the start-up log line.</param>
internal readonly record struct FileHandleLimit(int Value, string Source)
{
    private const string LimitsFile = "/proc/self/limits";

    /// <summary>The limit of this process.</summary>
    public static FileHandleLimit OfThisProcess()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                foreach (string line in File.ReadLines(LimitsFile))
                {
                    if (TryParse(line, out int value))
                    {
                        return new FileHandleLimit(value, LimitsFile);
                    }
                }
            }
            catch (IOException)
            {
                // No /proc (a restricted container): the fixed figure below.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }

        return OperatingSystem.IsMacOS() ? new FileHandleLimit(10_240, "fixed (macOS)") : new FileHandleLimit(16_384, "fixed");
    }

    /// <summary>
    /// Reads the soft limit from the "Max open files" line of <c>/proc/self/limits</c>
    /// (<c>Max open files  20000  20000  files</c>; <c>unlimited</c> reads as <see cref="int.MaxValue"/>).
    /// </summary>
    public static bool TryParse(string line, out int value)
    {
        value = 0;
        const string Name = "Max open files";
        if (!line.StartsWith(Name, StringComparison.Ordinal))
        {
            return false;
        }

        string[] columns = line[Name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length == 0)
        {
            return false;
        }

        if (string.Equals(columns[0], "unlimited", StringComparison.Ordinal))
        {
            value = int.MaxValue;
            return true;
        }

        if (!long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) || soft <= 0)
        {
            return false;
        }

        value = (int)Math.Min(soft, int.MaxValue);
        return true;
    }
}
