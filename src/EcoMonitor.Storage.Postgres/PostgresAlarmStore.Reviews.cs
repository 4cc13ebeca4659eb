using EcoMonitor.Application.Quality;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

// Review decisions waiting for the alarm re-evaluation (table alarm_review_pending, filled by PostgresReviewStore.DecideAsync).
internal sealed partial class PostgresAlarmStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewDecision>> PendingReviewsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {PostgresReviewStore.ReviewColumns} FROM review_decision
            WHERE id IN (SELECT decision_id FROM alarm_review_pending ORDER BY decision_id LIMIT $1)
            ORDER BY id;
            """, connection);
        command.Parameters.AddWithValue(limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var decisions = new List<ReviewDecision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(PostgresReviewStore.ReadDecision(reader));
        }

        return decisions;
    }

    /// <inheritdoc />
    public Task CompleteReviewAsync(long decisionId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM alarm_review_pending WHERE decision_id = $1;", connection, transaction);
            command.Parameters.AddWithValue(decisionId);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
