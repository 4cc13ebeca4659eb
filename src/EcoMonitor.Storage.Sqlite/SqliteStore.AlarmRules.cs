using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAlarmRule>> ListRulesAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, document, updated_at FROM alarm_rule ORDER BY id;";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<StoredAlarmRule>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new StoredAlarmRule(reader.GetString(0), reader.GetString(1), SqliteValues.ToInstant(reader.GetInt64(2))));
        }

        return rules;
    }

    /// <inheritdoc />
    public Task UpsertRulesAsync(IReadOnlyList<StoredAlarmRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return WriteAsync(
            writer => InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand command = w.Connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO alarm_rule (id, document, updated_at) VALUES ($id, $document, $at)
                    ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at;
                    """;
                foreach (StoredAlarmRule rule in rules)
                {
                    command.Parameters.Clear();
                    command.Parameters.AddWithValue("$id", rule.Id);
                    command.Parameters.AddWithValue("$document", rule.Json);
                    command.Parameters.AddWithValue("$at", SqliteValues.ToColumn(rule.UpdatedAt));
                    command.ExecuteNonQuery();
                }

                return rules.Count;
            }),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteRuleAsync(string id, CancellationToken cancellationToken)
    {
        int deleted = await WriteAsync(
            writer => InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand command = w.Connection.CreateCommand();
                command.CommandText = "DELETE FROM alarm_rule WHERE id = $id;";
                command.Parameters.AddWithValue("$id", id);
                return command.ExecuteNonQuery();
            }),
            cancellationToken);
        return deleted > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PermitLimit>> ListPermitLimitsAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
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
        return WriteAsync(
            writer => InTransaction(writer, 0, 0, w =>
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
                    insert.Parameters.AddWithValue("$limit", DecimalText(limit.Limit));
                    insert.Parameters.AddWithValue("$permit", limit.PermitNumber);
                    insert.ExecuteNonQuery();
                }

                return limits.Count;
            }),
            cancellationToken);
    }
}
