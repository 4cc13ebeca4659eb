using System.Globalization;
using EcoMonitor.Application.Audit;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IAuditLog"/> on PostgreSQL: the append-only, hash-chained <c>audit_entry</c> (ADR 0005); appends take the
/// advisory lock <see cref="AdvisoryLockKeys.AuditChain"/> so that every node extends one chain. <see cref="AppendAuditAsync"/>
/// appends inside a caller's transaction (the review store uses it). Pruning (migration 24) deletes the oldest entries
/// up to a new <c>audit_checkpoint</c> row, which the delete trigger requires, under the same lock.
/// </summary>
internal sealed class PostgresAuditLog(PostgresDatabase db) : IAuditLog
{
    private const string CheckpointColumns = "through_sequence, through_hash, entry_sequence, pruned, pruned_at";

    private const string AuditColumns =
        "sequence, recorded_at, actor, action, subject_type, subject_id, before_json, after_json, reason, previous_hash, hash, address";

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.InTransactionAsync<IReadOnlyList<AuditEntry>>(0, 0,
            async (connection, transaction) => await AppendAuditAsync(connection, transaction, records, db.Now(), cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {AuditColumns} FROM audit_entry WHERE sequence > $1 ORDER BY sequence LIMIT $2;", connection);
        command.Parameters.AddWithValue(afterSequence);
        command.Parameters.AddWithValue((long)limit);
        return await ReadAuditAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only the filters given enter the WHERE clause (values always bound), so that the planner can pick the index that
    /// serves them (subject, actor, action or recorded_at, migrations 5 and 19). Actions compare under the "C" collation,
    /// as their index is built, so that a prefix is a byte-order range whatever the database's locale.
    /// </remarks>
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string>();
        void Add(string condition, NpgsqlParameter? parameter)
        {
            if (parameter?.Value is not null and not DBNull)
            {
                command.Parameters.Add(parameter);
                where.Add(condition.Replace("@", "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }

        Add("subject_type = @", PostgresParameters.Text(query.SubjectType));
        Add("subject_id = @", PostgresParameters.Text(query.SubjectId));
        Add("actor = @", PostgresParameters.Text(query.Actor));
        Add(query.IsActionPrefix ? "action COLLATE \"C\" >= @" : "action COLLATE \"C\" = @", PostgresParameters.Text(query.Action));
        Add("action COLLATE \"C\" < @", PostgresParameters.Text(query.ActionPrefixEnd));
        Add("recorded_at >= @", PostgresParameters.Time(query.From));
        Add("recorded_at < @", PostgresParameters.Time(query.To));
        Add("sequence < @", PostgresParameters.Bigint(query.BeforeSequence));
        command.Parameters.AddWithValue((long)query.Limit);
        string filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        command.CommandText = $"SELECT {AuditColumns} FROM audit_entry {filter} ORDER BY sequence DESC LIMIT ${command.Parameters.Count};";
        return await ReadAuditAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AuditCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {CheckpointColumns} FROM audit_checkpoint ORDER BY through_sequence DESC LIMIT 1;", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), PostgresValues.ToInstant(reader.GetDateTime(4)))
            : null;
    }

    /// <inheritdoc />
    public Task<AuditCheckpoint?> PruneAsync(Instant recordedBefore, int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        return db.InTransactionAsync(0, 0,
            (connection, transaction) => PruneAsync(connection, transaction, recordedBefore, maxEntries, db.Now(), cancellationToken), cancellationToken);
    }

    private static async Task<AuditCheckpoint?> PruneAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Instant recordedBefore, int maxEntries, Instant now, CancellationToken cancellationToken)
    {
        async Task<long?> ScalarAsync(string sql, params object[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (object value in parameters)
            {
                command.Parameters.AddWithValue(value);
            }

            return await command.ExecuteScalarAsync(cancellationToken) is long result ? result : null;
        }

        await ScalarAsync("SELECT pg_advisory_xact_lock($1, $2);", AdvisoryLockKeys.ClassId, AdvisoryLockKeys.AuditChain);
        long after = await ScalarAsync("SELECT MAX(through_sequence) FROM audit_checkpoint;") ?? 0;
        long head = await ScalarAsync("SELECT MAX(sequence) FROM audit_entry;") ?? 0;
        long window = Math.Min(head, after + maxEntries);
        long firstKept = await ScalarAsync(
            "SELECT sequence FROM audit_entry WHERE sequence > $1 AND sequence <= $2 AND recorded_at >= $3 ORDER BY sequence LIMIT 1;",
            after, window, PostgresValues.ToColumn(recordedBefore)) ?? window + 1;
        long through = firstKept - 1;
        if (through <= after)
        {
            return null;
        }

        string throughHash;
        await using (var hash = new NpgsqlCommand("SELECT hash FROM audit_entry WHERE sequence = $1;", connection, transaction))
        {
            hash.Parameters.AddWithValue(through);
            throughHash = (string)(await hash.ExecuteScalarAsync(cancellationToken))!;
        }

        AuditEntry entry = (await AppendAuditAsync(connection, transaction, [AuditPruning.Record(after, through, throughHash, recordedBefore)], now, cancellationToken))[0];
        var checkpoint = new AuditCheckpoint(through, throughHash, entry.Sequence, through - after, now);
        await using (var insert = new NpgsqlCommand($"INSERT INTO audit_checkpoint ({CheckpointColumns}) VALUES ($1, $2, $3, $4, $5);", connection, transaction))
        {
            insert.Parameters.AddWithValue(checkpoint.ThroughSequence);
            insert.Parameters.AddWithValue(checkpoint.ThroughHash);
            insert.Parameters.AddWithValue(checkpoint.EntrySequence);
            insert.Parameters.AddWithValue(checkpoint.Pruned);
            insert.Parameters.AddWithValue(PostgresValues.ToColumn(now));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var delete = new NpgsqlCommand("DELETE FROM audit_entry WHERE sequence > $1 AND sequence <= $2;", connection, transaction);
        delete.Parameters.AddWithValue(after);
        delete.Parameters.AddWithValue(through);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        return checkpoint;
    }

    /// <summary>
    /// Appends audit entries inside the caller's transaction (so a change and its trail commit together). Takes the
    /// audit-chain advisory lock for the transaction first, so that appends from every connection and node are
    /// serialised: reads the head, then chains each record to it with <see cref="AuditHash"/>.
    /// </summary>
    internal static async Task<List<AuditEntry>> AppendAuditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditRecord> records, Instant now, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, $2);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue(AdvisoryLockKeys.ClassId);
            lockCommand.Parameters.AddWithValue(AdvisoryLockKeys.AuditChain);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        long sequence = 0;
        string previousHash = AuditHash.Genesis;
        await using (var head = new NpgsqlCommand("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1;", connection, transaction))
        await using (NpgsqlDataReader reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                sequence = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        await using var insert = new NpgsqlCommand(
            $"INSERT INTO audit_entry ({AuditColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);", connection, transaction);
        var entries = new List<AuditEntry>(records.Count);
        foreach (AuditRecord record in records)
        {
            sequence++;
            string hash = AuditHash.Compute(sequence, now, record, previousHash);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue(sequence);
            insert.Parameters.AddWithValue(PostgresValues.ToColumn(now));
            insert.Parameters.AddWithValue(record.Actor);
            insert.Parameters.AddWithValue(record.Action);
            insert.Parameters.AddWithValue(record.SubjectType);
            insert.Parameters.AddWithValue(record.SubjectId);
            insert.Parameters.Add(PostgresParameters.Text(record.Before));
            insert.Parameters.Add(PostgresParameters.Text(record.After));
            insert.Parameters.Add(PostgresParameters.Text(record.Reason));
            insert.Parameters.AddWithValue(previousHash);
            insert.Parameters.AddWithValue(hash);
            insert.Parameters.Add(PostgresParameters.Text(record.Address));
            await insert.ExecuteNonQueryAsync(cancellationToken);
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

    private static async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                RecordedAt = PostgresValues.ToInstant(reader.GetDateTime(1)),
                Actor = reader.GetString(2),
                Action = reader.GetString(3),
                SubjectType = reader.GetString(4),
                SubjectId = reader.GetString(5),
                Before = PostgresParameters.NullableText(reader, 6),
                After = PostgresParameters.NullableText(reader, 7),
                Reason = PostgresParameters.NullableText(reader, 8),
                PreviousHash = reader.GetString(9),
                Hash = reader.GetString(10),
                Address = PostgresParameters.NullableText(reader, 11),
            });
        }

        return entries;
    }
}
