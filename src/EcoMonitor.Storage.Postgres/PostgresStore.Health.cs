using System.Net.Sockets;
using EcoMonitor.Application.Storage;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresStore : IStoreHealth
{
    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1;", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A server error counts by its SQLSTATE only: class 08 (connection exception), 57P01/57P02/57P03 (admin
    /// shutdown, crash shutdown, cannot connect now), 53300 (too many connections). Any other driver error counts when
    /// the driver calls it transient (the socket failed or broke, opening a connection or a command timed out) or when
    /// a socket error caused it.
    /// </remarks>
    public bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server:
                    return IsUnavailableState(server.SqlState);
                case NpgsqlException driver:
                    return driver.IsTransient || driver.InnerException is SocketException;
            }
        }

        return false;
    }

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;
}
