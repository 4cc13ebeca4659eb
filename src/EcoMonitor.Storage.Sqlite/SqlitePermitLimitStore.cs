using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IPermitLimitStore"/> on SQLite: table <c>permit_limit</c> (migration 4), replaced per station.
/// </summary>
internal sealed class SqlitePermitLimitStore(SqliteDatabase db) : IPermitLimitStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PermitLimit>> ListPermitLimitsAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT station_id, parameter, limit_value, permit_number FROM permit_limit ORDER BY station_id, parameter;";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var limits = new List<PermitLimit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            limits.Add(new PermitLimit(StationId.Parse(reader.GetString(0)), ParameterCode.Parse(reader.GetString(1)),
                SqliteValues.ParseDecimal(reader.GetString(2)), reader.GetString(3)));
        }

        return limits;
    }

    /// <inheritdoc />
    public Task ReplacePermitLimitsAsync(StationId station, IReadOnlyList<PermitLimit> limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand delete = w.Connection.CreateCommand();
                delete.CommandText = "DELETE FROM permit_limit WHERE station_id = $station;";
                delete.Parameters.AddWithValue("$station", station.Value);
                delete.ExecuteNonQuery();
                using SqliteCommand insert = w.Connection.CreateCommand();
                insert.CommandText = "INSERT INTO permit_limit (station_id, parameter, limit_value, permit_number) VALUES ($station, $parameter, $limit, $permit);";
                foreach (PermitLimit limit in limits)
                {
                    if (limit.Station != station)
                    {
                        throw new ArgumentException($"Permit limit of {limit.Station} given for {station}.", nameof(limits));
                    }

                    insert.Parameters.Clear();
                    insert.Parameters.AddWithValue("$station", station.Value);
                    insert.Parameters.AddWithValue("$parameter", limit.Parameter.Value);
                    insert.Parameters.AddWithValue("$limit", SqliteValues.DecimalText(limit.Limit));
                    insert.Parameters.AddWithValue("$permit", limit.PermitNumber);
                    insert.ExecuteNonQuery();
                }

                return limits.Count;
            }),
            cancellationToken);
    }
}
