using EcoMonitor.Application.Scheduling;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IScheduledRunStore"/> on SQLite: table <c>scheduled_run</c> (migration 17, ADR 0029), one row per job and slot.
/// </summary>
internal sealed class SqliteScheduledRunStore(SqliteDatabase db) : IScheduledRunStore
{
    private const string RunColumns = "job, slot_start, node, attempt, claimed_at, lease_until, finished_at, error";

    /// <inheritdoc />
    public Task<ScheduledRunClaimResult> TryClaimAsync(string job, Instant slot, string node, Instant now, Instant leaseUntil, CancellationToken cancellationToken) =>
        db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand claim = w.Connection.CreateCommand();
            claim.CommandText = $"""
                INSERT INTO scheduled_run (job, slot_start, node, attempt, claimed_at, lease_until) VALUES ($job, $slot, $node, 1, $now, $lease)
                ON CONFLICT (job, slot_start) DO UPDATE SET
                    node = excluded.node, attempt = scheduled_run.attempt + 1, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
                WHERE scheduled_run.finished_at IS NULL AND scheduled_run.lease_until <= excluded.claimed_at
                RETURNING {RunColumns};
                """;
            claim.Parameters.AddWithValue("$job", job);
            claim.Parameters.AddWithValue("$slot", SqliteValues.ToColumn(slot));
            claim.Parameters.AddWithValue("$node", node);
            claim.Parameters.AddWithValue("$now", SqliteValues.ToColumn(now));
            claim.Parameters.AddWithValue("$lease", SqliteValues.ToColumn(leaseUntil));
            if (ReadRun(claim) is { } claimed)
            {
                return new ScheduledRunClaimResult(new ScheduledRunClaim(job, slot, node, claimed.Attempt), claimed);
            }

            using SqliteCommand read = w.Connection.CreateCommand();
            read.CommandText = $"SELECT {RunColumns} FROM scheduled_run WHERE job = $job AND slot_start = $slot;";
            read.Parameters.AddWithValue("$job", job);
            read.Parameters.AddWithValue("$slot", SqliteValues.ToColumn(slot));
            return new ScheduledRunClaimResult(null, ReadRun(read) ?? throw new InvalidOperationException($"The run of {job} for {slot} vanished."));
        }), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RenewAsync(ScheduledRunClaim claim, Instant leaseUntil, CancellationToken cancellationToken) =>
        await UpdateClaimAsync(claim, "lease_until = $time", leaseUntil, null, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<bool> FinishAsync(ScheduledRunClaim claim, Instant finishedAt, string? failure, CancellationToken cancellationToken) =>
        await UpdateClaimAsync(claim, "finished_at = $time, error = $error", finishedAt, failure, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledRun>> RecentRunsAsync(string? job, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {RunColumns} FROM scheduled_run WHERE $job IS NULL OR job = $job ORDER BY slot_start DESC, job LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$job", (object?)job ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<ScheduledRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ToRun(reader));
        }

        return runs;
    }

    /// <inheritdoc />
    public Task<int> DeleteRunsBeforeAsync(Instant before, CancellationToken cancellationToken) =>
        db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = "DELETE FROM scheduled_run WHERE slot_start < $before;";
            command.Parameters.AddWithValue("$before", SqliteValues.ToColumn(before));
            return command.ExecuteNonQuery();
        }), cancellationToken);

    private Task<int> UpdateClaimAsync(ScheduledRunClaim claim, string set, Instant time, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = $"""
                UPDATE scheduled_run SET {set}
                WHERE job = $job AND slot_start = $slot AND node = $node AND attempt = $attempt AND finished_at IS NULL;
                """;
            command.Parameters.AddWithValue("$job", claim.Job);
            command.Parameters.AddWithValue("$slot", SqliteValues.ToColumn(claim.Slot));
            command.Parameters.AddWithValue("$node", claim.Node);
            command.Parameters.AddWithValue("$attempt", claim.Attempt);
            command.Parameters.AddWithValue("$time", SqliteValues.ToColumn(time));
            command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            return command.ExecuteNonQuery();
        }), cancellationToken);
    }

    private static ScheduledRun? ReadRun(SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? ToRun(reader) : null;
    }

    private static ScheduledRun ToRun(SqliteDataReader reader) => new()
    {
        Job = reader.GetString(0),
        Slot = SqliteValues.ToInstant(reader.GetInt64(1)),
        Node = reader.GetString(2),
        Attempt = reader.GetInt32(3),
        ClaimedAt = SqliteValues.ToInstant(reader.GetInt64(4)),
        LeaseUntil = SqliteValues.ToInstant(reader.GetInt64(5)),
        FinishedAt = reader.IsDBNull(6) ? null : SqliteValues.ToInstant(reader.GetInt64(6)),
        Error = reader.IsDBNull(7) ? null : reader.GetString(7),
    };
}
