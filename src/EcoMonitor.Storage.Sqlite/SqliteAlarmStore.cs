using System.Text;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IAlarmStore"/> on SQLite (migration 4, ADR 0020): <c>alarm</c> (one not-closed alarm per subject and rule, frozen
/// evidence), the append-only <c>alarm_step</c> and the outbox <c>alarm_notification</c>, each saved in the alarm's transaction;
/// the review decisions waiting for re-evaluation in <c>SqliteAlarmStore.Reviews.cs</c>.
/// </summary>
internal sealed partial class SqliteAlarmStore(SqliteDatabase db) : IAlarmStore
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
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w => SaveAlarm(w.Connection, alarm, timelineStep, notifications)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Alarm?> GetAsync(long id, CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> found = await QueryAlarmsAsync("id = $id", c => c.Parameters.AddWithValue("$id", id), 1, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<Alarm?> FindOpenAsync(string subject, string ruleId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> found = await QueryAlarmsAsync(
            "subject = $subject AND rule_id = $rule AND state <> 'closed'",
            c =>
            {
                c.Parameters.AddWithValue("$subject", subject);
                c.Parameters.AddWithValue("$rule", ruleId);
            },
            1,
            cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Alarm>> QueryAsync(AlarmQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("1 = 1");
        List<(string, object)> parameters = [];
        if (query.States.Count > 0)
        {
            where.Append(" AND state IN (");
            for (int i = 0; i < query.States.Count; i++)
            {
                where.Append(i == 0 ? "$s" : ", $s").Append(i);
                parameters.Add(("$s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), AlarmNames.Of(query.States[i])));
            }

            where.Append(')');
        }

        Add(query.IsOpen switch { true => " AND state <> 'closed'", false => " AND state = 'closed'", null => null });
        AddParameter(query.Subject, " AND subject = $subject", "$subject");
        AddParameter(query.RegionPrefix is null ? null : query.RegionPrefix + "%", " AND region LIKE $region", "$region");
        AddParameter(query.Enterprise, " AND enterprise = $enterprise", "$enterprise");
        AddParameter(query.Scope.RegionPrefix is null ? null : query.Scope.RegionPrefix + "%", " AND region LIKE $scope_region", "$scope_region");
        AddParameter(query.Scope.Enterprise, " AND enterprise = $scope_enterprise", "$scope_enterprise");
        AddParameter(query.RuleId, " AND rule_id = $rule", "$rule");
        if (query.MinSeverity is { } min)
        {
            string[] severities = Enum.GetValues<AlarmSeverity>().Where(s => s >= min).Select(s => "'" + AlarmNames.Of(s) + "'").ToArray();
            Add($" AND severity IN ({string.Join(", ", severities)})");
        }

        AddParameter(query.From is { } from ? SqliteValues.ToColumn(from) : null, " AND raised_at >= $from", "$from");
        AddParameter(query.To is { } to ? SqliteValues.ToColumn(to) : null, " AND raised_at < $to", "$to");
        return QueryAlarmsAsync(
            where.ToString(),
            c =>
            {
                foreach ((string name, object value) in parameters)
                {
                    c.Parameters.AddWithValue(name, value);
                }
            },
            query.Limit,
            cancellationToken);

        void Add(string? clause) => where.Append(clause);

        void AddParameter(object? value, string clause, string name)
        {
            if (value is not null)
            {
                where.Append(clause);
                parameters.Add((name, value));
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlarmStep>> TimelineAsync(long alarmId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT alarm_id, seq, at, actor, action, state_after, detail FROM alarm_step WHERE alarm_id = $id ORDER BY seq;";
        command.Parameters.AddWithValue("$id", alarmId);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<AlarmStep>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(new AlarmStep(reader.GetInt64(0), SqliteValues.ToInstant(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4),
                AlarmNames.Parse<AlarmState>(reader.GetString(5)), reader.GetString(6)) { Sequence = reader.GetInt32(1) });
        }

        return steps;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> DueNotificationsAsync(Instant now, int limit, CancellationToken cancellationToken) =>
        QueryNotificationsAsync(
            "status = 'pending' AND next_attempt_at <= $now ORDER BY next_attempt_at, id LIMIT $limit",
            c =>
            {
                c.Parameters.AddWithValue("$now", SqliteValues.ToColumn(now));
                c.Parameters.AddWithValue("$limit", limit);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> NotificationsAsync(long alarmId, CancellationToken cancellationToken) =>
        QueryNotificationsAsync("alarm_id = $id ORDER BY id", c => c.Parameters.AddWithValue("$id", alarmId), cancellationToken);

    /// <inheritdoc />
    public Task UpdateNotificationAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                using SqliteCommand command = w.Connection.CreateCommand();
                command.CommandText = """
                    UPDATE alarm_notification SET status = $status, attempts = $attempts, next_attempt_at = $next,
                        last_error = $error, delivered_at = $delivered
                    WHERE id = $id;
                    """;
                command.Parameters.AddWithValue("$status", message.Status);
                command.Parameters.AddWithValue("$attempts", message.Attempts);
                command.Parameters.AddWithValue("$next", SqliteValues.ToColumn(message.NextAttemptAt));
                command.Parameters.AddWithValue("$error", (object?)message.LastError ?? DBNull.Value);
                command.Parameters.AddWithValue("$delivered", message.DeliveredAt is { } d ? SqliteValues.ToColumn(d) : DBNull.Value);
                command.Parameters.AddWithValue("$id", message.Id);
                return command.ExecuteNonQuery();
            }),
            cancellationToken);
    }

    private static Alarm SaveAlarm(SqliteConnection connection, Alarm alarm, AlarmStep? step, IReadOnlyList<OutboxMessage> notifications)
    {
        Alarm saved;
        using (SqliteCommand command = connection.CreateCommand())
        {
            if (alarm.Id == 0)
            {
                command.CommandText = """
                    INSERT INTO alarm (rule_id, kind, subject, subject_name, region, enterprise, parameter, severity, state, is_active,
                        raised_at, first_period, last_period, cleared_at, limit_value, peak, hits, recurrences, assigned_unit, deadline,
                        escalation_level, closed_at, evidence, version)
                    VALUES ($rule, $kind, $subject, $subjectName, $region, $enterprise, $parameter, $severity, $state, $active,
                        $raised, $first, $last, $cleared, $limit, $peak, $hits, $recurrences, $unit, $deadline,
                        $escalation, $closed, $evidence, 1)
                    RETURNING id;
                    """;
                BindAlarm(command, alarm);
                try
                {
                    long id = (long)command.ExecuteScalar()!;
                    saved = alarm with { Id = id, Version = 1 };
                }
                catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
                {
                    throw new AlarmConflictException($"Rule '{alarm.RuleId}' already has an open alarm at '{alarm.Subject}'.", exception);
                }
            }
            else
            {
                command.CommandText = """
                    UPDATE alarm SET severity = $severity, state = $state, is_active = $active, last_period = $last, first_period = $first,
                        cleared_at = $cleared, limit_value = $limit, peak = $peak, hits = $hits, recurrences = $recurrences,
                        assigned_unit = $unit, deadline = $deadline, escalation_level = $escalation, closed_at = $closed,
                        subject_name = $subjectName, evidence = $evidence, version = version + 1
                    WHERE id = $id AND version = $version;
                    """;
                BindAlarm(command, alarm);
                command.Parameters.AddWithValue("$id", alarm.Id);
                command.Parameters.AddWithValue("$version", alarm.Version);
                if (command.ExecuteNonQuery() != 1)
                {
                    throw new AlarmConflictException($"Alarm {alarm.Id} changed since it was read (version {alarm.Version}); read it again.");
                }

                saved = alarm with { Version = alarm.Version + 1 };
            }
        }

        if (step is not null)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO alarm_step (alarm_id, seq, at, actor, action, state_after, detail)
                VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM alarm_step WHERE alarm_id = $id), $at, $actor, $action, $state, $detail);
                """;
            command.Parameters.AddWithValue("$id", saved.Id);
            command.Parameters.AddWithValue("$at", SqliteValues.ToColumn(step.At));
            command.Parameters.AddWithValue("$actor", step.Actor);
            command.Parameters.AddWithValue("$action", step.Action);
            command.Parameters.AddWithValue("$state", AlarmNames.Of(step.StateAfter));
            command.Parameters.AddWithValue("$detail", step.Detail);
            command.ExecuteNonQuery();
        }

        if (notifications.Count > 0)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO alarm_notification (alarm_id, channel_id, dedup_key, event, payload, created_at, next_attempt_at, attempts, status)
                VALUES ($alarm, $channel, $key, $event, $payload, $created, $next, 0, 'pending')
                ON CONFLICT (alarm_id, dedup_key) DO NOTHING;
                """;
            foreach (OutboxMessage message in notifications)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$alarm", saved.Id);
                command.Parameters.AddWithValue("$channel", message.ChannelId);
                command.Parameters.AddWithValue("$key", message.DedupKey);
                command.Parameters.AddWithValue("$event", message.Event);
                command.Parameters.AddWithValue("$payload", message.Payload);
                command.Parameters.AddWithValue("$created", SqliteValues.ToColumn(message.CreatedAt));
                command.Parameters.AddWithValue("$next", SqliteValues.ToColumn(message.NextAttemptAt));
                command.ExecuteNonQuery();
            }
        }

        return saved;
    }

    private static void BindAlarm(SqliteCommand command, Alarm alarm)
    {
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$rule", alarm.RuleId);
        p.AddWithValue("$kind", AlarmNames.Of(alarm.Kind));
        p.AddWithValue("$subject", alarm.Subject);
        p.AddWithValue("$subjectName", alarm.SubjectName);
        p.AddWithValue("$region", alarm.Region);
        p.AddWithValue("$enterprise", (object?)alarm.Enterprise ?? DBNull.Value);
        p.AddWithValue("$parameter", (object?)alarm.Parameter?.Value ?? DBNull.Value);
        p.AddWithValue("$severity", AlarmNames.Of(alarm.Severity));
        p.AddWithValue("$state", AlarmNames.Of(alarm.State));
        p.AddWithValue("$active", alarm.IsActive ? 1 : 0);
        p.AddWithValue("$raised", SqliteValues.ToColumn(alarm.RaisedAt));
        p.AddWithValue("$first", SqliteValues.ToColumn(alarm.FirstPeriod));
        p.AddWithValue("$last", SqliteValues.ToColumn(alarm.LastPeriod));
        p.AddWithValue("$cleared", alarm.ClearedAt is { } c ? SqliteValues.ToColumn(c) : DBNull.Value);
        p.AddWithValue("$limit", SqliteValues.DecimalText(alarm.Limit));
        p.AddWithValue("$peak", SqliteValues.DecimalText(alarm.Peak));
        p.AddWithValue("$hits", alarm.Hits);
        p.AddWithValue("$recurrences", alarm.Recurrences);
        p.AddWithValue("$unit", (object?)alarm.AssignedUnit ?? DBNull.Value);
        p.AddWithValue("$deadline", alarm.Deadline is { } d ? SqliteValues.ToColumn(d) : DBNull.Value);
        p.AddWithValue("$escalation", alarm.EscalationLevel);
        p.AddWithValue("$closed", alarm.ClosedAt is { } closed ? SqliteValues.ToColumn(closed) : DBNull.Value);
        p.AddWithValue("$evidence", alarm.Evidence);
    }

    private async Task<IReadOnlyList<Alarm>> QueryAlarmsAsync(string where, Action<SqliteCommand> bind, int limit, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {AlarmColumns} FROM alarm WHERE {where} ORDER BY raised_at DESC, id DESC LIMIT $limit;";
        bind(command);
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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
                Enterprise = reader.IsDBNull(6) ? null : reader.GetString(6),
                Parameter = reader.IsDBNull(7) ? null : ParameterCode.Parse(reader.GetString(7)),
                Severity = AlarmNames.Parse<AlarmSeverity>(reader.GetString(8)),
                State = AlarmNames.Parse<AlarmState>(reader.GetString(9)),
                IsActive = reader.GetInt64(10) != 0,
                RaisedAt = SqliteValues.ToInstant(reader.GetInt64(11)),
                FirstPeriod = SqliteValues.ToInstant(reader.GetInt64(12)),
                LastPeriod = SqliteValues.ToInstant(reader.GetInt64(13)),
                ClearedAt = reader.IsDBNull(14) ? null : SqliteValues.ToInstant(reader.GetInt64(14)),
                Limit = reader.IsDBNull(15) ? null : SqliteValues.ParseDecimal(reader.GetString(15)),
                Peak = reader.IsDBNull(16) ? null : SqliteValues.ParseDecimal(reader.GetString(16)),
                Hits = reader.GetInt32(17),
                Recurrences = reader.GetInt32(18),
                AssignedUnit = reader.IsDBNull(19) ? null : reader.GetString(19),
                Deadline = reader.IsDBNull(20) ? null : SqliteValues.ToInstant(reader.GetInt64(20)),
                EscalationLevel = reader.GetInt32(21),
                ClosedAt = reader.IsDBNull(22) ? null : SqliteValues.ToInstant(reader.GetInt64(22)),
                Evidence = reader.GetString(23),
                Version = reader.GetInt32(24),
            });
        }

        return alarms;
    }

    private async Task<IReadOnlyList<OutboxMessage>> QueryNotificationsAsync(string whereAndOrder, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {NotificationColumns} FROM alarm_notification WHERE {whereAndOrder};";
        bind(command);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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
                CreatedAt = SqliteValues.ToInstant(reader.GetInt64(6)),
                NextAttemptAt = SqliteValues.ToInstant(reader.GetInt64(7)),
                Attempts = reader.GetInt32(8),
                Status = reader.GetString(9),
                LastError = reader.IsDBNull(10) ? null : reader.GetString(10),
                DeliveredAt = reader.IsDBNull(11) ? null : SqliteValues.ToInstant(reader.GetInt64(11)),
            });
        }

        return messages;
    }
}
