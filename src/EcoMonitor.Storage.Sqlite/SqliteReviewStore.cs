using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IReviewStore"/> on SQLite: the append-only <c>review_decision</c> (migration 6), each decision written with its audit entry
/// (<see cref="SqliteAuditLog.AppendAudit"/>) and its pending alarm re-evaluation (<c>alarm_review_pending</c>, ADR 0025) in one transaction.
/// </summary>
internal sealed class SqliteReviewStore(SqliteDatabase db) : IReviewStore
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

        return db.WriteAsync<IReadOnlyList<ReviewDecision>>(writer => db.InTransaction(writer, 0, decisions.Count, w =>
        {
            Instant now = db.Now();
            List<AuditEntry> entries = SqliteAuditLog.AppendAudit(w.Connection, audit, now);
            using SqliteCommand insert = w.Connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO review_decision (station_id, interval, parameter, period_from, period_to, validity, reason_code, comment, reviewer, decided_at, audit_sequence)
                VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id;
                """;
            SqliteParameterCollection p = SqliteValues.AddParameters(insert, 11);
            using SqliteCommand pending = w.Connection.CreateCommand();
            pending.CommandText = "INSERT INTO alarm_review_pending (decision_id, queued_at) VALUES ($0, $1);";
            SqliteParameterCollection q = SqliteValues.AddParameters(pending, 2);
            q[1].Value = SqliteValues.ToColumn(now);
            var stored = new List<ReviewDecision>(decisions.Count);
            for (int i = 0; i < decisions.Count; i++)
            {
                ReviewDecision d = decisions[i];
                p[0].Value = d.Station.Value;
                p[1].Value = StoreCodes.ToCode(d.Interval);
                p[2].Value = (object?)d.Parameter?.Value ?? DBNull.Value;
                p[3].Value = SqliteValues.ToColumn(d.Periods.Start);
                p[4].Value = SqliteValues.ToColumn(d.Periods.End);
                p[5].Value = d.Verdict == ReviewVerdict.Valid ? "valid" : "invalid";
                p[6].Value = d.ReasonCode;
                p[7].Value = (object?)d.Comment ?? DBNull.Value;
                p[8].Value = d.Reviewer;
                p[9].Value = SqliteValues.ToColumn(now);
                p[10].Value = entries[i].Sequence;
                long id = (long)insert.ExecuteScalar()!;
                q[0].Value = id;
                pending.ExecuteNonQuery();
                stored.Add(d with { Id = id, DecidedAt = now, AuditSequence = entries[i].Sequence });
            }

            return stored;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewDecision>> QueryDecisionsAsync(StationId station, ObservationInterval interval, Interval periods, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ReviewColumns} FROM review_decision
            WHERE station_id = $station AND interval = $interval AND period_from < $to AND period_to > $from
            ORDER BY id;
            """;
        command.Parameters.AddWithValue("$station", station.Value);
        command.Parameters.AddWithValue("$interval", StoreCodes.ToCode(interval));
        command.Parameters.AddWithValue("$from", SqliteValues.ToColumn(periods.Start));
        command.Parameters.AddWithValue("$to", SqliteValues.ToColumn(periods.End));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var decisions = new List<ReviewDecision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(ReadDecision(reader));
        }

        return decisions;
    }

    /// <summary>A decision from a row of <see cref="ReviewColumns"/>.</summary>
    internal static ReviewDecision ReadDecision(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Station = StationId.Parse(reader.GetString(1)),
        Interval = StoreCodes.ToInterval(reader.GetString(2)),
        Parameter = reader.IsDBNull(3) ? null : ParameterCode.Parse(reader.GetString(3)),
        Periods = new Interval(SqliteValues.ToInstant(reader.GetInt64(4)), SqliteValues.ToInstant(reader.GetInt64(5))),
        Verdict = reader.GetString(6) == "valid" ? ReviewVerdict.Valid : ReviewVerdict.Invalid,
        ReasonCode = reader.GetString(7),
        Comment = reader.IsDBNull(8) ? null : reader.GetString(8),
        Reviewer = reader.GetString(9),
        DecidedAt = SqliteValues.ToInstant(reader.GetInt64(10)),
        AuditSequence = reader.GetInt64(11),
    };
}
