using System.Text;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IAlarmStore"/> on PostgreSQL (migration 4, ADR 0020): <c>alarm</c> (one not-closed alarm per subject and rule through
/// the partial unique index <c>alarm_one_open</c>, frozen evidence), the append-only <c>alarm_step</c> and the outbox
/// <c>alarm_notification</c>, each saved in the alarm's transaction; the review decisions waiting for re-evaluation in
/// <c>PostgresAlarmStore.Reviews.cs</c>.
/// </summary>
internal sealed partial class PostgresAlarmStore(PostgresDatabase db) : IAlarmStore
{
    private const string AlarmColumns =
        "id, rule_id, kind, subject, subject_name, region, enterprise, parameter, severity, state, is_active, raised_at, first_period, " +
        "last_period, cleared_at, limit_value, peak, hits, recurrences, assigned_unit, deadline, escalation_level, closed_at, evidence, version";

    private const string NotificationColumns =
        "id, alarm_id, channel_id, dedup_key, event, payload, created_at, next_attempt_at, attempts, status, last_error, delivered_at";

    /// <inheritdoc />
    public Task<Alarm> SaveAsync(Alarm alarm, AlarmStep? timelineStep, IReadOnlyList<OutboxMessage> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(notifications);
        return db.InTransactionAsync(0, 0, (connection, transaction) => SaveAlarmAsync(connection, transaction, alarm, timelineStep, notifications, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Alarm?> GetAsync(long id, CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> found = await QueryAlarmsAsync("id = @id", c => c.Parameters.AddWithValue("id", id), 1, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<Alarm?> FindOpenAsync(string subject, string ruleId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> found = await QueryAlarmsAsync(
            "subject = @subject AND rule_id = @rule AND state <> 'closed'",
            c =>
            {
                c.Parameters.AddWithValue("subject", subject);
                c.Parameters.AddWithValue("rule", ruleId);
            },
            1,
            cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Alarm>> QueryAsync(AlarmQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("true");
        List<NpgsqlParameter> parameters = [];
        if (query.States.Count > 0)
        {
            where.Append(" AND state = ANY(@states)");
            parameters.Add(new NpgsqlParameter<string[]>("states", query.States.Select(AlarmNames.Of).ToArray()));
        }

        where.Append(query.IsOpen switch { true => " AND state <> 'closed'", false => " AND state = 'closed'", null => "" });
        AddText(query.Subject, " AND subject = @subject", "subject");
        AddText(query.RegionPrefix is null ? null : EscapeLike(query.RegionPrefix) + "%", " AND region LIKE @region", "region");
        AddText(query.Enterprise, " AND enterprise = @enterprise", "enterprise");
        AddText(query.Scope.RegionPrefix is null ? null : EscapeLike(query.Scope.RegionPrefix) + "%", " AND region LIKE @scope_region", "scope_region");
        AddText(query.Scope.Enterprise, " AND enterprise = @scope_enterprise", "scope_enterprise");
        AddText(query.RuleId, " AND rule_id = @rule", "rule");
        if (query.MinSeverity is { } min)
        {
            where.Append(" AND severity = ANY(@severities)");
            parameters.Add(new NpgsqlParameter<string[]>("severities", Enum.GetValues<AlarmSeverity>().Where(s => s >= min).Select(AlarmNames.Of).ToArray()));
        }

        if (query.From is { } from)
        {
            where.Append(" AND raised_at >= @from");
            parameters.Add(new NpgsqlParameter<DateTime>("from", PostgresValues.ToColumn(from)));
        }

        if (query.To is { } to)
        {
            where.Append(" AND raised_at < @to");
            parameters.Add(new NpgsqlParameter<DateTime>("to", PostgresValues.ToColumn(to)));
        }

        return QueryAlarmsAsync(where.ToString(), c => c.Parameters.AddRange(parameters.ToArray()), query.Limit, cancellationToken);

        void AddText(string? value, string clause, string name)
        {
            if (value is not null)
            {
                where.Append(clause);
                parameters.Add(new NpgsqlParameter<string>(name, value));
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlarmStep>> TimelineAsync(long alarmId, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT alarm_id, seq, at, actor, action, state_after, detail FROM alarm_step WHERE alarm_id = $1 ORDER BY seq;", connection);
        command.Parameters.AddWithValue(alarmId);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<AlarmStep>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(new AlarmStep(reader.GetInt64(0), PostgresValues.ToInstant(reader.GetDateTime(2)), reader.GetString(3), reader.GetString(4),
                AlarmNames.Parse<AlarmState>(reader.GetString(5)), reader.GetString(6)) { Sequence = reader.GetInt32(1) });
        }

        return steps;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> DueNotificationsAsync(Instant now, int limit, CancellationToken cancellationToken) =>
        QueryNotificationsAsync(
            "status = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @limit",
            c =>
            {
                c.Parameters.AddWithValue("now", PostgresValues.ToColumn(now));
                c.Parameters.AddWithValue("limit", (long)limit);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> NotificationsAsync(long alarmId, CancellationToken cancellationToken) =>
        QueryNotificationsAsync("alarm_id = @id ORDER BY id", c => c.Parameters.AddWithValue("id", alarmId), cancellationToken);

    /// <inheritdoc />
    public Task UpdateNotificationAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                UPDATE alarm_notification SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4, delivered_at = $5
                WHERE id = $6;
                """, connection, transaction);
            command.Parameters.AddWithValue(message.Status);
            command.Parameters.AddWithValue(message.Attempts);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(message.NextAttemptAt));
            command.Parameters.Add(PostgresParameters.Text(message.LastError));
            command.Parameters.Add(PostgresParameters.Time(message.DeliveredAt));
            command.Parameters.AddWithValue(message.Id);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    private static async Task<Alarm> SaveAlarmAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Alarm alarm, AlarmStep? step, IReadOnlyList<OutboxMessage> notifications, CancellationToken cancellationToken)
    {
        Alarm saved;
        if (alarm.Id == 0)
        {
            // The one-open-alarm index decides; ON CONFLICT also waits for a concurrent insert from another node.
            await using var command = new NpgsqlCommand("""
                INSERT INTO alarm (rule_id, kind, subject, subject_name, region, enterprise, parameter, severity, state, is_active,
                    raised_at, first_period, last_period, cleared_at, limit_value, peak, hits, recurrences, assigned_unit, deadline,
                    escalation_level, closed_at, evidence, version)
                VALUES (@rule, @kind, @subject, @subjectName, @region, @enterprise, @parameter, @severity, @state, @active,
                    @raised, @first, @last, @cleared, @limit, @peak, @hits, @recurrences, @unit, @deadline,
                    @escalation, @closed, @evidence, 1)
                ON CONFLICT (subject, rule_id) WHERE state <> 'closed' DO NOTHING
                RETURNING id;
                """, connection, transaction);
            BindAlarm(command, alarm);
            object? id = await command.ExecuteScalarAsync(cancellationToken);
            if (id is not long assigned)
            {
                throw new AlarmConflictException($"Rule '{alarm.RuleId}' already has an open alarm at '{alarm.Subject}'.");
            }

            saved = alarm with { Id = assigned, Version = 1 };
        }
        else
        {
            await using var command = new NpgsqlCommand("""
                UPDATE alarm SET severity = @severity, state = @state, is_active = @active, last_period = @last, first_period = @first,
                    cleared_at = @cleared, limit_value = @limit, peak = @peak, hits = @hits, recurrences = @recurrences,
                    assigned_unit = @unit, deadline = @deadline, escalation_level = @escalation, closed_at = @closed,
                    subject_name = @subjectName, evidence = @evidence, version = version + 1
                WHERE id = @id AND version = @version;
                """, connection, transaction);
            BindAlarm(command, alarm);
            command.Parameters.AddWithValue("id", alarm.Id);
            command.Parameters.AddWithValue("version", alarm.Version);
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new AlarmConflictException($"Alarm {alarm.Id} changed since it was read (version {alarm.Version}); read it again.");
            }

            saved = alarm with { Version = alarm.Version + 1 };
        }

        if (step is not null)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO alarm_step (alarm_id, seq, at, actor, action, state_after, detail)
                VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM alarm_step WHERE alarm_id = $1), $2, $3, $4, $5, $6);
                """, connection, transaction);
            command.Parameters.AddWithValue(saved.Id);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(step.At));
            command.Parameters.AddWithValue(step.Actor);
            command.Parameters.AddWithValue(step.Action);
            command.Parameters.AddWithValue(AlarmNames.Of(step.StateAfter));
            command.Parameters.AddWithValue(step.Detail);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (notifications.Count > 0)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO alarm_notification (alarm_id, channel_id, dedup_key, event, payload, created_at, next_attempt_at, attempts, status)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 'pending')
                ON CONFLICT (alarm_id, dedup_key) DO NOTHING;
                """, connection, transaction);
            foreach (OutboxMessage message in notifications)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue(saved.Id);
                command.Parameters.AddWithValue(message.ChannelId);
                command.Parameters.AddWithValue(message.DedupKey);
                command.Parameters.AddWithValue(message.Event);
                command.Parameters.AddWithValue(message.Payload);
                command.Parameters.AddWithValue(PostgresValues.ToColumn(message.CreatedAt));
                command.Parameters.AddWithValue(PostgresValues.ToColumn(message.NextAttemptAt));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return saved;
    }

    private static void BindAlarm(NpgsqlCommand command, Alarm alarm)
    {
        NpgsqlParameterCollection p = command.Parameters;
        p.AddWithValue("rule", alarm.RuleId);
        p.AddWithValue("kind", AlarmNames.Of(alarm.Kind));
        p.AddWithValue("subject", alarm.Subject);
        p.AddWithValue("subjectName", alarm.SubjectName);
        p.AddWithValue("region", alarm.Region);
        p.Add(Named("enterprise", PostgresParameters.Text(alarm.Enterprise)));
        p.Add(Named("parameter", PostgresParameters.Text(alarm.Parameter?.Value)));
        p.AddWithValue("severity", AlarmNames.Of(alarm.Severity));
        p.AddWithValue("state", AlarmNames.Of(alarm.State));
        p.AddWithValue("active", alarm.IsActive);
        p.AddWithValue("raised", PostgresValues.ToColumn(alarm.RaisedAt));
        p.AddWithValue("first", PostgresValues.ToColumn(alarm.FirstPeriod));
        p.AddWithValue("last", PostgresValues.ToColumn(alarm.LastPeriod));
        p.Add(Named("cleared", PostgresParameters.Time(alarm.ClearedAt)));
        p.Add(Named("limit", PostgresParameters.Numeric(alarm.Limit)));
        p.Add(Named("peak", PostgresParameters.Numeric(alarm.Peak)));
        p.AddWithValue("hits", alarm.Hits);
        p.AddWithValue("recurrences", alarm.Recurrences);
        p.Add(Named("unit", PostgresParameters.Text(alarm.AssignedUnit)));
        p.Add(Named("deadline", PostgresParameters.Time(alarm.Deadline)));
        p.AddWithValue("escalation", alarm.EscalationLevel);
        p.Add(Named("closed", PostgresParameters.Time(alarm.ClosedAt)));
        p.AddWithValue("evidence", alarm.Evidence);
    }

    private static NpgsqlParameter Named(string name, NpgsqlParameter parameter)
    {
        parameter.ParameterName = name;
        return parameter;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private async Task<IReadOnlyList<Alarm>> QueryAlarmsAsync(string where, Action<NpgsqlCommand> bind, int limit, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {AlarmColumns} FROM alarm WHERE {where} ORDER BY raised_at DESC, id DESC LIMIT @limit;", connection);
        bind(command);
        command.Parameters.AddWithValue("limit", (long)limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var alarms = new List<Alarm>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alarms.Add(new Alarm
            {
                Id = reader.GetInt64(0),
                RuleId = reader.GetString(1),
                Kind = AlarmNames.Parse<AlarmRuleKind>(reader.GetString(2)),
                Subject = reader.GetString(3),
                SubjectName = reader.GetString(4),
                Region = reader.GetString(5),
                Enterprise = PostgresParameters.NullableText(reader, 6),
                Parameter = reader.IsDBNull(7) ? null : ParameterCode.Parse(reader.GetString(7)),
                Severity = AlarmNames.Parse<AlarmSeverity>(reader.GetString(8)),
                State = AlarmNames.Parse<AlarmState>(reader.GetString(9)),
                IsActive = reader.GetBoolean(10),
                RaisedAt = PostgresValues.ToInstant(reader.GetDateTime(11)),
                FirstPeriod = PostgresValues.ToInstant(reader.GetDateTime(12)),
                LastPeriod = PostgresValues.ToInstant(reader.GetDateTime(13)),
                ClearedAt = PostgresParameters.NullableInstant(reader, 14),
                Limit = reader.IsDBNull(15) ? null : reader.GetDecimal(15),
                Peak = reader.IsDBNull(16) ? null : reader.GetDecimal(16),
                Hits = reader.GetInt32(17),
                Recurrences = reader.GetInt32(18),
                AssignedUnit = PostgresParameters.NullableText(reader, 19),
                Deadline = PostgresParameters.NullableInstant(reader, 20),
                EscalationLevel = reader.GetInt32(21),
                ClosedAt = PostgresParameters.NullableInstant(reader, 22),
                Evidence = reader.GetString(23),
                Version = reader.GetInt32(24),
            });
        }

        return alarms;
    }

    private async Task<IReadOnlyList<OutboxMessage>> QueryNotificationsAsync(string whereAndOrder, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {NotificationColumns} FROM alarm_notification WHERE {whereAndOrder};", connection);
        bind(command);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage
            {
                Id = reader.GetInt64(0),
                AlarmId = reader.GetInt64(1),
                ChannelId = reader.GetString(2),
                DedupKey = reader.GetString(3),
                Event = reader.GetString(4),
                Payload = reader.GetString(5),
                CreatedAt = PostgresValues.ToInstant(reader.GetDateTime(6)),
                NextAttemptAt = PostgresValues.ToInstant(reader.GetDateTime(7)),
                Attempts = reader.GetInt32(8),
                Status = reader.GetString(9),
                LastError = PostgresParameters.NullableText(reader, 10),
                DeliveredAt = PostgresParameters.NullableInstant(reader, 11),
            });
        }

        return messages;
    }
}
