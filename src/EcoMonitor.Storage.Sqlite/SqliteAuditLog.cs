using EcoMonitor.Application.Audit;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IAuditLog"/> on SQLite: the append-only, hash-chained <c>audit_entry</c> (migration 3, ADR 0005). <see cref="AppendAudit"/>
/// appends inside a caller's write transaction, so that a change and its trail commit together (the review store uses it).
/// Pruning (migration 24) deletes the oldest entries up to a new <c>audit_checkpoint</c> row, which the delete trigger requires.
/// </summary>
internal sealed class SqliteAuditLog(SqliteDatabase db) : IAuditLog
{
    private const string CheckpointColumns = "through_sequence, through_hash, entry_sequence, pruned, pruned_at";

    private const string AuditColumns =
        "sequence, recorded_at, actor, action, subject_type, subject_id, before_json, after_json, reason, previous_hash, hash, address";

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.WriteAsync<IReadOnlyList<AuditEntry>>(
            writer => db.InTransaction(writer, 0, 0, w => AppendAudit(w.Connection, records, db.Now())), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditColumns} FROM audit_entry WHERE sequence > $after ORDER BY sequence LIMIT $limit;";
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAuditAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only the filters given enter the WHERE clause, so that SQLite can pick the index that serves them
    /// (subject, actor, action or recorded_at, migrations 3 and 19); the values are always bound parameters.
    /// </remarks>
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        var where = new List<string>();
        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(condition);
                command.Parameters.AddWithValue(name, value);
            }
        }

        Add("subject_type = $type", "$type", query.SubjectType);
        Add("subject_id = $id", "$id", query.SubjectId);
        Add("actor = $actor", "$actor", query.Actor);
        Add(query.IsActionPrefix ? "action >= $action" : "action = $action", "$action", query.Action);
        Add("action < $actionEnd", "$actionEnd", query.ActionPrefixEnd);
        Add("recorded_at >= $from", "$from", query.From is { } from ? SqliteValues.ToColumn(from) : null);
        Add("recorded_at < $to", "$to", query.To is { } to ? SqliteValues.ToColumn(to) : null);
        Add("sequence < $before", "$before", query.BeforeSequence);
        string filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        command.CommandText = $"SELECT {AuditColumns} FROM audit_entry {filter} ORDER BY sequence DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", query.Limit);
        return await ReadAuditAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AuditCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {CheckpointColumns} FROM audit_checkpoint ORDER BY through_sequence DESC LIMIT 1;";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), SqliteValues.ToInstant(reader.GetInt64(4)))
            : null;
    }

    /// <inheritdoc />
    public Task<AuditCheckpoint?> PruneAsync(Instant recordedBefore, int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        return db.WriteAsync<AuditCheckpoint?>(writer => db.InTransaction(writer, 0, 0, w => Prune(w.Connection, recordedBefore, maxEntries, db.Now())), cancellationToken);
    }

    private static AuditCheckpoint? Prune(SqliteConnection connection, Instant recordedBefore, int maxEntries, Instant now)
    {
        long Scalar(string sql, long fallback, params (string Name, object Value)[] parameters)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            foreach ((string name, object value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command.ExecuteScalar() is long result ? result : fallback;
        }

        long after = Scalar("SELECT MAX(through_sequence) FROM audit_checkpoint;", 0);
        long head = Scalar("SELECT MAX(sequence) FROM audit_entry;", 0);
        long window = Math.Min(head, after + maxEntries);
        long firstKept = Scalar(
            "SELECT sequence FROM audit_entry WHERE sequence > $after AND sequence <= $window AND recorded_at >= $before ORDER BY sequence LIMIT 1;",
            window + 1, ("$after", after), ("$window", window), ("$before", SqliteValues.ToColumn(recordedBefore)));
        long through = firstKept - 1;
        if (through <= after)
        {
            return null;
        }

        string throughHash;
        using (SqliteCommand hash = connection.CreateCommand())
        {
            hash.CommandText = "SELECT hash FROM audit_entry WHERE sequence = $through;";
            hash.Parameters.AddWithValue("$through", through);
            throughHash = (string)hash.ExecuteScalar()!;
        }

        AuditEntry entry = AppendAudit(connection, [AuditPruning.Record(after, through, throughHash, recordedBefore)], now)[0];
        var checkpoint = new AuditCheckpoint(through, throughHash, entry.Sequence, through - after, now);
        using (SqliteCommand insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO audit_checkpoint ({CheckpointColumns}) VALUES ($0, $1, $2, $3, $4);";
            SqliteParameterCollection p = SqliteValues.AddParameters(insert, 5);
            p[0].Value = checkpoint.ThroughSequence;
            p[1].Value = checkpoint.ThroughHash;
            p[2].Value = checkpoint.EntrySequence;
            p[3].Value = checkpoint.Pruned;
            p[4].Value = SqliteValues.ToColumn(now);
            insert.ExecuteNonQuery();
        }

        using SqliteCommand delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_entry WHERE sequence > $after AND sequence <= $through;";
        delete.Parameters.AddWithValue("$after", after);
        delete.Parameters.AddWithValue("$through", through);
        delete.ExecuteNonQuery();
        return checkpoint;
    }

    /// <summary>
    /// Appends audit entries inside the caller's write transaction (so a change and its trail commit together):
    /// reads the current head, then chains each record to it with <see cref="AuditHash"/>.
    /// </summary>
    internal static List<AuditEntry> AppendAudit(SqliteConnection connection, IReadOnlyList<AuditRecord> records, Instant now)
    {
        long sequence = 0;
        string previousHash = AuditHash.Genesis;
        using (SqliteCommand head = connection.CreateCommand())
        {
            head.CommandText = "SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1;";
            using SqliteDataReader reader = head.ExecuteReader();
            if (reader.Read())
            {
                sequence = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        using SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO audit_entry ({AuditColumns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);";
        SqliteParameterCollection p = SqliteValues.AddParameters(insert, 12);
        var entries = new List<AuditEntry>(records.Count);
        foreach (AuditRecord record in records)
        {
            sequence++;
            string hash = AuditHash.Compute(sequence, now, record, previousHash);
            p[0].Value = sequence;
            p[1].Value = SqliteValues.ToColumn(now);
            p[2].Value = record.Actor;
            p[3].Value = record.Action;
            p[4].Value = record.SubjectType;
            p[5].Value = record.SubjectId;
            p[6].Value = (object?)record.Before ?? DBNull.Value;
            p[7].Value = (object?)record.After ?? DBNull.Value;
            p[8].Value = (object?)record.Reason ?? DBNull.Value;
            p[9].Value = previousHash;
            p[10].Value = hash;
            p[11].Value = (object?)record.Address ?? DBNull.Value;
            insert.ExecuteNonQuery();
            entries.Add(new AuditEntry
            {
                Sequence = sequence, RecordedAt = now, Actor = record.Actor, Action = record.Action,
                SubjectType = record.SubjectType, SubjectId = record.SubjectId, Before = record.Before,
                After = record.After, Reason = record.Reason, Address = record.Address, PreviousHash = previousHash, Hash = hash,
            });
            previousHash = hash;
        }

        return entries;
    }

    private static async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                RecordedAt = SqliteValues.ToInstant(reader.GetInt64(1)),
                Actor = reader.GetString(2),
                Action = reader.GetString(3),
                SubjectType = reader.GetString(4),
                SubjectId = reader.GetString(5),
                Before = reader.IsDBNull(6) ? null : reader.GetString(6),
                After = reader.IsDBNull(7) ? null : reader.GetString(7),
                Reason = reader.IsDBNull(8) ? null : reader.GetString(8),
                PreviousHash = reader.GetString(9),
                Hash = reader.GetString(10),
                Address = reader.IsDBNull(11) ? null : reader.GetString(11),
            });
        }

        return entries;
    }
}
