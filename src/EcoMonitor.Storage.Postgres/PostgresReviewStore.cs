using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IReviewStore"/> on PostgreSQL: the append-only <c>review_decision</c>, each decision written with its audit entry
/// (<see cref="PostgresAuditLog.AppendAuditAsync"/>) and its pending alarm re-evaluation (<c>alarm_review_pending</c>, ADR 0025) in one transaction.
/// </summary>
internal sealed class PostgresReviewStore(PostgresDatabase db) : IReviewStore
{
    internal const string ReviewColumns =
        "id, station_id, interval, parameter, period_from, period_to, validity, reason_code, comment, reviewer, decided_at, audit_sequence";

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewDecision>> DecideAsync(IReadOnlyList<ReviewDecision> decisions, IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(audit);
        if (decisions.Count != audit.Count)
        {
            throw new ArgumentException("Every decision needs exactly one audit record.", nameof(audit));
        }

        return db.InTransactionAsync<IReadOnlyList<ReviewDecision>>(0, decisions.Count, async (connection, transaction) =>
        {
            Instant now = db.Now();
            List<AuditEntry> entries = await PostgresAuditLog.AppendAuditAsync(connection, transaction, audit, now, cancellationToken);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO review_decision (station_id, interval, parameter, period_from, period_to, validity, reason_code, comment, reviewer, decided_at, audit_sequence)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id;
                """, connection, transaction);
            await using var pending = new NpgsqlCommand("INSERT INTO alarm_review_pending (decision_id, queued_at) VALUES ($1, $2);", connection, transaction);
            var stored = new List<ReviewDecision>(decisions.Count);
            for (int i = 0; i < decisions.Count; i++)
            {
                ReviewDecision d = decisions[i];
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue(d.Station.Value);
                insert.Parameters.AddWithValue(StoreCodes.ToCode(d.Interval));
                insert.Parameters.Add(PostgresParameters.Text(d.Parameter?.Value));
                insert.Parameters.AddWithValue(PostgresValues.ToColumn(d.Periods.Start));
                insert.Parameters.AddWithValue(PostgresValues.ToColumn(d.Periods.End));
                insert.Parameters.AddWithValue(d.Verdict == ReviewVerdict.Valid ? "valid" : "invalid");
                insert.Parameters.AddWithValue(d.ReasonCode);
                insert.Parameters.Add(PostgresParameters.Text(d.Comment));
                insert.Parameters.AddWithValue(d.Reviewer);
                insert.Parameters.AddWithValue(PostgresValues.ToColumn(now));
                insert.Parameters.AddWithValue(entries[i].Sequence);
                long id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                pending.Parameters.Clear();
                pending.Parameters.AddWithValue(id);
                pending.Parameters.AddWithValue(PostgresValues.ToColumn(now));
                await pending.ExecuteNonQueryAsync(cancellationToken);
                stored.Add(d with { Id = id, DecidedAt = now, AuditSequence = entries[i].Sequence });
            }

            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewDecision>> QueryDecisionsAsync(StationId station, ObservationInterval interval, Interval periods, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {ReviewColumns} FROM review_decision
            WHERE station_id = $1 AND interval = $2 AND period_from < $4 AND period_to > $3
            ORDER BY id;
            """, connection);
        command.Parameters.AddWithValue(station.Value);
        command.Parameters.AddWithValue(StoreCodes.ToCode(interval));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(periods.Start));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(periods.End));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var decisions = new List<ReviewDecision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(ReadDecision(reader));
        }

        return decisions;
    }

    /// <summary>A decision from a row of <see cref="ReviewColumns"/>.</summary>
    internal static ReviewDecision ReadDecision(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Station = StationId.Parse(reader.GetString(1)),
        Interval = StoreCodes.ToInterval(reader.GetString(2)),
        Parameter = reader.IsDBNull(3) ? null : ParameterCode.Parse(reader.GetString(3)),
        Periods = new Interval(PostgresValues.ToInstant(reader.GetDateTime(4)), PostgresValues.ToInstant(reader.GetDateTime(5))),
        Verdict = reader.GetString(6) == "valid" ? ReviewVerdict.Valid : ReviewVerdict.Invalid,
        ReasonCode = reader.GetString(7),
        Comment = PostgresParameters.NullableText(reader, 8),
        Reviewer = reader.GetString(9),
        DecidedAt = PostgresValues.ToInstant(reader.GetDateTime(10)),
        AuditSequence = reader.GetInt64(11),
    };
}
