using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IPermitLimitStore"/> on PostgreSQL: table <c>permit_limit</c> (migration 4), replaced per station.
/// </summary>
internal sealed class PostgresPermitLimitStore(PostgresDatabase db) : IPermitLimitStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PermitLimit>> ListPermitLimitsAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT station_id, parameter, limit_value, permit_number FROM permit_limit ORDER BY station_id, parameter;", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var limits = new List<PermitLimit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            limits.Add(new PermitLimit(StationId.Parse(reader.GetString(0)), ParameterCode.Parse(reader.GetString(1)), reader.GetDecimal(2), reader.GetString(3)));
        }

        return limits;
    }

    /// <inheritdoc />
    public Task ReplacePermitLimitsAsync(StationId station, IReadOnlyList<PermitLimit> limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (PermitLimit limit in limits)
        {
            if (limit.Station != station)
            {
                throw new ArgumentException($"Permit limit of {limit.Station} given for {station}.", nameof(limits));
            }
        }

        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using (var delete = new NpgsqlCommand("DELETE FROM permit_limit WHERE station_id = $1;", connection, transaction))
            {
                delete.Parameters.AddWithValue(station.Value);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var insert = new NpgsqlCommand(
                "INSERT INTO permit_limit (station_id, parameter, limit_value, permit_number) VALUES ($1, $2, $3, $4);", connection, transaction);
            foreach (PermitLimit limit in limits)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue(station.Value);
                insert.Parameters.AddWithValue(limit.Parameter.Value);
                insert.Parameters.AddWithValue(limit.Limit);
                insert.Parameters.AddWithValue(limit.PermitNumber);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return limits.Count;
        }, cancellationToken);
    }
}
