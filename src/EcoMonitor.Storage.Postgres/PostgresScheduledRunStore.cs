using EcoMonitor.Application.Scheduling;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IScheduledRunStore"/> on PostgreSQL: table <c>scheduled_run</c> (migration 17, ADR 0029), one row per job and slot.
/// </summary>
internal sealed class PostgresScheduledRunStore(PostgresDatabase db) : IScheduledRunStore
{
    private const string RunColumns = "job, slot_start, node, attempt, claimed_at, lease_until, finished_at, error";

    /// <inheritdoc />
    public Task<ScheduledRunClaimResult> TryClaimAsync(string job, Instant slot, string node, Instant now, Instant leaseUntil, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            // The upsert locks the slot's row: of several nodes asking at once, one inserts or takes over, the others
            // wait for its commit and then find the run held (their WHERE fails) and read it.
            await using (var claim = new NpgsqlCommand($"""
                INSERT INTO scheduled_run (job, slot_start, node, attempt, claimed_at, lease_until) VALUES ($1, $2, $3, 1, $4, $5)
                ON CONFLICT (job, slot_start) DO UPDATE SET
                    node = excluded.node, attempt = scheduled_run.attempt + 1, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
                WHERE scheduled_run.finished_at IS NULL AND scheduled_run.lease_until <= excluded.claimed_at
                RETURNING {RunColumns};
                """, connection, transaction))
            {
                claim.Parameters.AddWithValue(job);
                claim.Parameters.AddWithValue(PostgresValues.ToColumn(slot));
                claim.Parameters.AddWithValue(node);
                claim.Parameters.AddWithValue(PostgresValues.ToColumn(now));
                claim.Parameters.AddWithValue(PostgresValues.ToColumn(leaseUntil));
                if (await ReadRunAsync(claim, cancellationToken) is { } claimed)
                {
                    return new ScheduledRunClaimResult(new ScheduledRunClaim(job, slot, node, claimed.Attempt), claimed);
                }
            }

            await using var read = new NpgsqlCommand($"SELECT {RunColumns} FROM scheduled_run WHERE job = $1 AND slot_start = $2;", connection, transaction);
            read.Parameters.AddWithValue(job);
            read.Parameters.AddWithValue(PostgresValues.ToColumn(slot));
            return new ScheduledRunClaimResult(null, await ReadRunAsync(read, cancellationToken) ?? throw new InvalidOperationException($"The run of {job} for {slot} vanished."));
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RenewAsync(ScheduledRunClaim claim, Instant leaseUntil, CancellationToken cancellationToken) =>
        await UpdateClaimAsync(claim, "lease_until = $5", leaseUntil, null, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<bool> FinishAsync(ScheduledRunClaim claim, Instant finishedAt, string? failure, CancellationToken cancellationToken) =>
        await UpdateClaimAsync(claim, "finished_at = $5, error = $6", finishedAt, failure, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledRun>> RecentRunsAsync(string? job, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {RunColumns} FROM scheduled_run WHERE $1::text IS NULL OR job = $1 ORDER BY slot_start DESC, job LIMIT $2;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<ScheduledRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ToRun(reader));
        }

        return runs;
    }

    /// <inheritdoc />
    public Task<int> DeleteRunsBeforeAsync(Instant before, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM scheduled_run WHERE slot_start < $1;", connection, transaction);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(before));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<int> UpdateClaimAsync(ScheduledRunClaim claim, string set, Instant time, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand($"""
                UPDATE scheduled_run SET {set}
                WHERE job = $1 AND slot_start = $2 AND node = $3 AND attempt = $4 AND finished_at IS NULL;
                """, connection, transaction);
            command.Parameters.AddWithValue(claim.Job);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(claim.Slot));
            command.Parameters.AddWithValue(claim.Node);
            command.Parameters.AddWithValue(claim.Attempt);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(time));
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    private static async Task<ScheduledRun?> ReadRunAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ToRun(reader) : null;
    }

    private static ScheduledRun ToRun(NpgsqlDataReader reader) => new()
    {
        Job = reader.GetString(0),
        Slot = PostgresValues.ToInstant(reader.GetDateTime(1)),
        Node = reader.GetString(2),
        Attempt = reader.GetInt32(3),
        ClaimedAt = PostgresValues.ToInstant(reader.GetDateTime(4)),
        LeaseUntil = PostgresValues.ToInstant(reader.GetDateTime(5)),
        FinishedAt = reader.IsDBNull(6) ? null : PostgresValues.ToInstant(reader.GetDateTime(6)),
        Error = reader.IsDBNull(7) ? null : reader.GetString(7),
    };
}
