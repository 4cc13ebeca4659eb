namespace EcoMonitor.Gateway;

/// <summary>
/// The connection limits in force: from <see cref="GatewayOptions"/> where set, else derived from the process's
/// file-handle limit N (docs/deploy.md "Hardening: the HJ 212 port"):
/// reserve R = max(min(1024, N/2), N/4) handles for HTTP, the database, files and the runtime;
/// global limit = min(N − R, 100,000); per source address = max(32, global/20), at most the global limit.
/// A configured global limit above N − R is lowered to N − R (<see cref="WasLowered"/>): beyond it the process
/// would run out of file handles, and the .NET runtime does not survive that.
/// </summary>
/// <param name="FileHandleLimit">The process's file-handle limit (open files, sockets included).</param>
/// <param name="FileHandleSource">Where <paramref name="FileHandleLimit"/> was read.</param>
/// <param name="Reserved">Handles kept free of station connections.</param>
/// <param name="MaxConnections">Station connections held at once.</param>
/// <param name="MaxConnectionsPerAddress">Station connections held at once from one source address.</param>
/// <param name="WasLowered">True when the configured <see cref="GatewayOptions.MaxConnections"/> was lowered to fit the file-handle limit.</param>
public sealed record GatewayConnectionLimits(
    int FileHandleLimit, string FileHandleSource, int Reserved, int MaxConnections, int MaxConnectionsPerAddress, bool WasLowered)
{
    /// <summary>The largest derived global limit (about 1.1 GB of connection memory at ≈ 11 KiB each).</summary>
    public const int MaxDerivedConnections = 100_000;

    private const int MinPerAddress = 32;

    /// <summary>The limits for <paramref name="options"/> under a file-handle limit of <paramref name="fileHandleLimit"/>.</summary>
    public static GatewayConnectionLimits Derive(GatewayOptions options, int fileHandleLimit, string fileHandleSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fileHandleLimit);
        int reserved = options.ReservedFileHandles ?? Math.Max(Math.Min(1024, fileHandleLimit / 2), fileHandleLimit / 4);
        int available = Math.Max(1, fileHandleLimit - reserved);
        int max = options.MaxConnections ?? Math.Min(available, MaxDerivedConnections);
        bool lowered = max > available;
        max = Math.Min(max, available);
        int perAddress = Math.Min(options.MaxConnectionsPerAddress ?? Math.Max(MinPerAddress, max / 20), max);
        return new GatewayConnectionLimits(fileHandleLimit, fileHandleSource, reserved, max, perAddress, lowered);
    }

    /// <summary>The limits of this process (<see cref="Gateway.FileHandleLimit.OfThisProcess"/>).</summary>
    internal static GatewayConnectionLimits OfThisProcess(GatewayOptions options)
    {
        var limit = Gateway.FileHandleLimit.OfThisProcess();
        return Derive(options, limit.Value, limit.Source);
    }
}
