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
    /// <remarks>See <see cref="PostgresDatabase.IsUnavailable"/>.</remarks>
    public bool IsUnavailable(Exception exception) => PostgresDatabase.IsUnavailable(exception);
}
