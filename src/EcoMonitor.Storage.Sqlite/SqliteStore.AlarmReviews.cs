using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>Review decisions waiting for the alarm re-evaluation (table <c>alarm_review_pending</c>, filled by <see cref="DecideAsync"/>).</summary>
internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewDecision>> PendingReviewsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ReviewColumns} FROM review_decision
            WHERE id IN (SELECT decision_id FROM alarm_review_pending ORDER BY decision_id LIMIT $limit)
            ORDER BY id;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var decisions = new List<ReviewDecision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(ReadDecision(reader));
        }

        return decisions;
    }

    /// <inheritdoc />
    public Task CompleteReviewAsync(long decisionId, CancellationToken cancellationToken) =>
        WriteAsync(
            writer => InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand command = w.Connection.CreateCommand();
                command.CommandText = "DELETE FROM alarm_review_pending WHERE decision_id = $id;";
                command.Parameters.AddWithValue("$id", decisionId);
                return command.ExecuteNonQuery();
            }),
            cancellationToken);
}
