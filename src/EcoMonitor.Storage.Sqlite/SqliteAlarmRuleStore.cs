using EcoMonitor.Application.Alarms;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IAlarmRuleStore"/> on SQLite: table <c>alarm_rule</c> (migration 4), one JSON document per rule.
/// </summary>
internal sealed class SqliteAlarmRuleStore(SqliteDatabase db) : IAlarmRuleStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAlarmRule>> ListRulesAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
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
        return db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
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
        int deleted = await db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand command = w.Connection.CreateCommand();
                command.CommandText = "DELETE FROM alarm_rule WHERE id = $id;";
                command.Parameters.AddWithValue("$id", id);
                return command.ExecuteNonQuery();
            }),
            cancellationToken);
        return deleted > 0;
    }
}
