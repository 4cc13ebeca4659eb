using EcoMonitor.Application.Quality;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

// Review decisions waiting for the alarm re-evaluation (table alarm_review_pending, filled by SqliteReviewStore.DecideAsync).
internal sealed partial class SqliteAlarmStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewDecision>> PendingReviewsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteReviewStore.ReviewColumns} FROM review_decision
            WHERE id IN (SELECT decision_id FROM alarm_review_pending ORDER BY decision_id LIMIT $limit)
            ORDER BY id;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var decisions = new List<ReviewDecision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(SqliteReviewStore.ReadDecision(reader));
        }

        return decisions;
    }

    /// <inheritdoc />
    public Task CompleteReviewAsync(long decisionId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand command = w.Connection.CreateCommand();
                command.CommandText = "DELETE FROM alarm_review_pending WHERE decision_id = $id;";
                command.Parameters.AddWithValue("$id", decisionId);
                return command.ExecuteNonQuery();
            }),
            cancellationToken);
}
