using EcoMonitor.Application.Alarms;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IAlarmRuleStore"/> on PostgreSQL: table <c>alarm_rule</c> (migration 4), one JSON document per rule.
/// </summary>
internal sealed class PostgresAlarmRuleStore(PostgresDatabase db) : IAlarmRuleStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAlarmRule>> ListRulesAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, document, updated_at FROM alarm_rule ORDER BY id;", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<StoredAlarmRule>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new StoredAlarmRule(reader.GetString(0), reader.GetString(1), PostgresValues.ToInstant(reader.GetDateTime(2))));
        }

        return rules;
    }

    /// <inheritdoc />
    public Task UpsertRulesAsync(IReadOnlyList<StoredAlarmRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO alarm_rule (id, document, updated_at) VALUES ($1, $2, $3)
                ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at;
                """, connection, transaction);
            foreach (StoredAlarmRule rule in rules)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue(rule.Id);
                command.Parameters.AddWithValue(rule.Json);
                command.Parameters.AddWithValue(PostgresValues.ToColumn(rule.UpdatedAt));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return rules.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteRuleAsync(string id, CancellationToken cancellationToken)
    {
        int deleted = await db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM alarm_rule WHERE id = $1;", connection, transaction);
            command.Parameters.AddWithValue(id);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return deleted > 0;
    }
}
